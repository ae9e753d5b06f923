/// The rules for names inside a recordings folder: `<folder>/<sequence>-<hash>.json`, nothing that can escape.
public enum RecordingFileName {
    /// The most characters of a folder name (an endpoint id).
    public static let maxFolderNameCharacters = 128
    /// The fewest digits of a sequence number in a file name; more are used when needed.
    public static let sequenceDigits = 6

    /// Whether `name` may be a folder: letters, digits, `_`, `-` and `.`, not starting with `.`, bounded in length.
    ///
    /// This refuses `..`, `/`, NUL, hidden names and anything else that could leave the recordings folder.
    public static func isSafeFolderName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= maxFolderNameCharacters, name.utf8.first != UInt8(ascii: ".") else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
    }

    /// `000042-1a2b3c4d.json`.
    static func make(sequence: Int, hash: String) -> String {
        let digits = String(sequence)
        let padding = String(repeating: "0", count: max(0, sequenceDigits - digits.count))
        return "\(padding)\(digits)-\(hash).json"
    }

    /// The sequence number a file name starts with (`000042-…` → 42), or nil for a name without one.
    static func sequence(of name: String) -> Int? {
        let digits = name.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.count < 18, name.utf8.dropFirst(digits.count).first == UInt8(ascii: "-") else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// Whether a directory entry is a recording the reader loads: a visible `*.json` file.
    ///
    /// Temporary files are named `.<name>.tmp-<pid>-<n>`, hidden and without the `.json` suffix, so a write that
    /// was killed half-way is never read as a recording.
    static func isRecording(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasPrefix(".")
    }

    /// Whether a directory entry is a temporary file a killed write may have left.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".json.tmp-")
    }
}
