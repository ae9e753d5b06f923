import SuretyJSON

extension Exchange {
    /// Reads a recording file's bytes, reporting every problem with its JSON Pointer, line and column.
    ///
    /// - Parameters:
    ///   - fileBytes: The file's content.
    ///   - file: The name issues carry (usually the path relative to the recordings folder).
    /// - Throws: ``RecordingFileError`` with every problem found, in document order.
    public init(fileBytes: [UInt8], file: String) throws(RecordingFileError) {
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(duplicateKeys: .reject)).parse(fileBytes)
        } catch {
            throw RecordingFileError(issues: [RecordingIssue(file: file, position: TextPosition(line: error.line, column: error.column),
                                                             reason: .syntax(error))])
        }
        var decoder = ExchangeDecoder()
        if let exchange = decoder.exchange(document.value()) {
            self = exchange
            return
        }
        let issues = decoder.problems.map { pointer, reason in
            RecordingIssue(file: file, pointer: pointer, position: Self.position(of: pointer, in: document), reason: reason)
        }
        throw RecordingFileError(issues: issues.sorted { ($0.position?.line ?? 0, $0.position?.column ?? 0) < ($1.position?.line ?? 0, $1.position?.column ?? 0) })
    }

    /// The line and column of the value at `pointer`, or of its nearest parent that exists.
    static func position(of pointer: JSONPointer, in document: JSONDocument) -> TextPosition {
        var current = pointer
        while true {
            if let index = document.index(of: current) { return document.position(of: index) }
            current = current.parent
        }
    }
}
