import Foundation

/// Reads the `*.json` files of a folder, the one folder loader of contracts (`contracts/`) and scenarios
/// (`contracts/scenarios/`).
public enum SourceFolder {
    /// The folder itself could not be listed.
    public struct ListingError: Error, Sendable, Equatable {
        /// The folder.
        public var path: String
        /// The system's reason.
        public var reason: String
    }

    /// Every `*.json` directly in `directory` (not in its subfolders), in name order, each named `directory/name`
    /// (`shownAs/name` when given: a folder whose real path means nothing to the reader, such as the embedded
    /// contract's inside a resource bundle); a file that cannot be read is a diagnostic, and the others are still read.
    public static func jsonFiles(in directory: String, shownAs: String? = nil) throws(ListingError) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw ListingError(path: directory, reason: (error as NSError).localizedDescription)
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let shown = shownAs.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? prefix
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: prefix + name) else {
                diagnostics.append(Diagnostic(.error, file: shown + name, message: "cannot read the file"))
                continue
            }
            files.append(SourceFile(name: shown + name, bytes: [UInt8](data)))
        }
        return (files, diagnostics)
    }
}
