import Foundation
import SuretyJSON
import SuretySchemas

/// Reads contract files into a `Contract`, collecting every problem as a diagnostic instead of stopping at the first.
public struct ContractLoader: Sendable {
    /// One contract file's name (as diagnostics show it) and bytes.
    public typealias SourceFile = SuretyJSON.SourceFile

    /// A contract folder that cannot be read at all.
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadableDirectory(path: String, reason: String)
        case noContractFiles(path: String)

        /// The problem in words.
        public var description: String {
            switch self {
            case .unreadableDirectory(let path, let reason): return "cannot read contract folder \(path): \(reason)"
            case .noContractFiles(let path): return "no contract files (*.json) in \(path)"
            }
        }
    }

    /// Creates a loader.
    public init() {}

    /// Loads every `*.json` directly in `directory` (not `scenarios/`), in name order; file names (in diagnostics and
    /// in ``ContractDocument/file``) start with `shownAs` when given, else with `directory`.
    public func load(directory: String, shownAs: String? = nil) throws(LoadError) -> (contract: Contract, diagnostics: [Diagnostic]) {
        let files: [SourceFile], diagnostics: [Diagnostic]
        do {
            (files, diagnostics) = try SourceFolder.jsonFiles(in: directory, shownAs: shownAs)
        } catch {
            throw .unreadableDirectory(path: error.path, reason: error.reason)
        }
        guard !files.isEmpty || !diagnostics.isEmpty else { throw .noContractFiles(path: directory) }
        let loaded = load(files: files)
        return (loaded.contract, diagnostics + loaded.diagnostics)
    }

    /// Loads contract files given as bytes.
    public func load(files: [SourceFile]) -> (contract: Contract, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parsedFiles: [ContractFileReader.Parsed] = []
        for file in files {
            let document: JSONDocument
            do {
                document = try JSONParser(options: .init(duplicateKeys: .report)).parse(file.bytes)
            } catch {
                diagnostics.append(Diagnostic(syntaxError: error, file: file.name))
                continue
            }
            var reader = LocatedReader(document: document, file: file.name)
            reader.reportDuplicateKeys()
            var fileReader = ContractFileReader(reader: reader)
            let parsed = fileReader.read()
            diagnostics += fileReader.reader.diagnostics
            if let parsed { parsedFiles.append(parsed) }
        }
        // Endpoints and schemas follow the reference documents' order (000 … 004), whatever the files are called.
        parsedFiles.sort { ($0.document.document, $0.document.file) < ($1.document.document, $1.document.file) }
        var endpoints: [Endpoint] = []
        var schemas = SchemaSet()
        var undocumented: Set<String> = []
        for parsed in parsedFiles {
            endpoints += parsed.endpoints
            for schema in parsed.schemas {
                if let existing = schemas[schema.name] {
                    diagnostics.append(Diagnostic(.error, file: schema.location?.file ?? parsed.document.file, position: schema.location?.position,
                                                  message: "schema \(schema.name) is already defined at \(existing.location?.description ?? "?")",
                                                  pointer: JSONPointer(tokens: ["schemas", schema.name])))
                } else {
                    schemas.insert(schema)
                }
            }
            undocumented.formUnion(parsed.undocumented)
        }
        let documents = parsedFiles.map(\.document)
        let contract = Contract(documents: documents, endpoints: endpoints, schemas: schemas, undocumentedSchemas: undocumented)
        return (contract, diagnostics.sorted())
    }
}
