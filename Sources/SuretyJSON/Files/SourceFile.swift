/// One input file: its name as diagnostics show it and its bytes.
public struct SourceFile: Sendable, Hashable {
    /// The name diagnostics use, e.g. `contracts/jobs.json`.
    public var name: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a source file.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
