import Foundation
import SuretyConformance
import SuretyRecordings

/// Loads what a replay serves: a recordings folder, or a HAR file's API entries (named `FILE#index`).
enum ReplaySource {
    /// The replay of the folder or HAR file at `path`; every bad recording is listed in the error.
    static func load(_ path: String, checker: ExchangeChecker) throws(SuretyTestingError) -> ReplayResponder {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .recordings("\(path) does not exist")
        }
        if isFolder.boolValue {
            do {
                return try ReplayResponder.load(directory: path, checker: checker).responder
            } catch {
                throw .recordings(error.description)
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .recordings("cannot read \(path)") }
        let imported = HARConverter(checker: checker).importHAR(from: Array(data), file: path)
        guard imported.issues.isEmpty else { throw .recordings(imported.issues.map(\.description).joined(separator: "\n")) }
        let stored = zip(imported.entryIndices, imported.exchanges).map { index, exchange in
            StoredExchange(file: "\(path)#\(index)", sequence: index, exchange: exchange)
        }
        let matcher = RequestMatcher(checker: checker, options: .init())
        return ReplayResponder(index: ReplayIndex(recordings: stored, matcher: matcher))
    }
}
