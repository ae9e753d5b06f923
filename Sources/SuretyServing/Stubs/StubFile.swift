import SuretyConformance
import SuretyJSON

/// A file of stubs (`--stubs DIR`) or a stub sent to `POST /__surety/stubs`, read: one stub document or an array of
/// them, each stub with where it was written, and every problem of the file with its line, column and pointer.
public struct StubFile: Sendable {
    /// A stub read and where its document is.
    public struct Entry: Sendable {
        /// The stub.
        public var stub: Stub
        /// Its document's pointer: the root, or `/N` in an array.
        public var pointer: JSONPointer
        /// Its document's line and column.
        public var position: TextPosition
    }

    /// The file, as diagnostics name it.
    public var file: String
    /// The stubs read without a problem, in file order.
    public var entries: [Entry] = []
    /// Every problem of the file, in file order; the file pins nothing when there is one.
    public var diagnostics: [Diagnostic] = []

    /// Reads a file's bytes; `allowsArray` false takes exactly one stub document (the admin route).
    public init(bytes: [UInt8], file: String, allowsArray: Bool = true) {
        self.file = file
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(duplicateKeys: .report)).parse(bytes)
        } catch {
            diagnostics = [Diagnostic(syntaxError: error, file: file)]
            return
        }
        var reader = LocatedReader(document: document, file: file)
        reader.reportDuplicateKeys()
        let root = document.root
        let documents = allowsArray && document.kind(root) == .array
            ? document.elements(root).enumerated().map { ($0.element, JSONPointer.root.appending($0.offset)) }
            : [(root, JSONPointer.root)]
        for (node, pointer) in documents {
            if let stub = Stub(node: node, at: pointer, reader: &reader) {
                entries.append(Entry(stub: stub, pointer: pointer, position: reader.position(node)))
            }
        }
        diagnostics = reader.diagnostics.sorted()
    }

    /// The file's problems and, for each stub read whose answer breaks the contract and that does not say
    /// `"allowInvalid": true`, its violations at the stub's position: everything that stops the file being pinned.
    public func problems(checker: ExchangeChecker) -> [Diagnostic] {
        var problems = diagnostics
        for entry in entries where !entry.stub.allowInvalid {
            for violation in StubCheck.violations(of: entry.stub, checker: checker) {
                problems.append(Diagnostic(.error, file: file, position: entry.position,
                                           message: "\(violation) (\"allowInvalid\": true pins it anyway)", pointer: entry.pointer))
            }
        }
        return problems.sorted()
    }
}
