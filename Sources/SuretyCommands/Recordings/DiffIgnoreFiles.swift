import Foundation
import SuretyRecordings

/// Reads the ignore files `surety diff` is given (`--ignore-file`) and the default one beside the recordings.
enum DiffIgnoreFiles {
    /// The patterns of every file named and of each ``IgnoreFile/defaultName`` found in the folders holding
    /// `recordings`; nil after printing why one could not be read.
    static func load(explicit: [String], beside recordings: [String], _ console: Console) -> [PointerPattern]? {
        var patterns: [PointerPattern] = []
        var seen: Set<String> = []
        for path in explicit {
            guard let file = read(path, console) else { return nil }
            patterns += file.patterns
            seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path)
        }
        for recording in recordings {
            let folder = (recording as NSString).deletingLastPathComponent
            let path = (folder.isEmpty ? "." : folder) + "/" + IgnoreFile.defaultName
            guard FileManager.default.fileExists(atPath: path), seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted else { continue }
            guard let file = read(path, console) else { return nil }
            console.errorLine("surety diff: ignoring \(file.patterns.count) pattern\(file.patterns.count == 1 ? "" : "s") from \(path)")
            patterns += file.patterns
        }
        return patterns
    }

    private static func read(_ path: String, _ console: Console) -> IgnoreFile? {
        guard let data = FileManager.default.contents(atPath: path) else {
            console.errorLine("surety diff: cannot read ignore file \(path)")
            return nil
        }
        do throws(IgnoreFileError) {
            return try IgnoreFile(bytes: Array(data), file: path)
        } catch {
            console.errorLine(error.description)
            return nil
        }
    }
}
