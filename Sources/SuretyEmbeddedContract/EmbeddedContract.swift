import Foundation

/// The project's contract built into `surety`: `contracts/` (with its scenarios), copied beside the executable as a
/// SwiftPM resource bundle by every `swift build`.
///
/// The bundle is looked up beside the running executable (the symbolic links to it resolved), as SwiftPM's generated
/// `Bundle.module` does, but without its `fatalError` when the bundle is missing: an executable copied without its
/// bundle reports that no contract is embedded and asks for `--contracts DIR`.
public enum EmbeddedContract {
    /// The resource bundle SwiftPM writes beside the executable: `<package>_<target>.resources` on Linux,
    /// `.bundle` on Apple platforms.
    public static let bundleName = "Surety_SuretyEmbeddedContract"

    /// The embedded `contracts` folder, or nil when the resource bundle is not beside the executable.
    public static let directory: String? = directory(beside: Bundle.main.bundleURL)

    /// The `contracts` folder of the resource bundle in `folder`, or nil when there is none.
    public static func directory(beside folder: URL) -> String? {
        let candidates = [
            folder.appendingPathComponent(bundleName + ".resources/contracts"),
            folder.appendingPathComponent(bundleName + ".bundle/Contents/Resources/contracts"),
            folder.appendingPathComponent(bundleName + ".bundle/contracts"),
        ]
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.path
            }
        }
        return nil
    }
}
