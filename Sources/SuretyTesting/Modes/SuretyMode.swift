import Foundation
import SuretyRecordings

/// Where an intercepted session's answers come from: the schema mock, the emulator, recordings, an upstream being
/// recorded, or only the stubs a test pins.
public struct SuretyMode: Sendable {
    enum Kind: Sendable {
        case mock(seed: UInt64)
        case emulate(fixtures: String?, clock: Date?, seed: UInt64)
        case replay(path: String)
        case record(directory: String, upstream: URL, redaction: Redaction)
        case stubs
    }

    let kind: Kind

    /// The instant the emulator's clock stands at by default, inside the first term of every built-in policy
    /// (2024-10-01T00:00:00Z), so that locators and dates are the same on every run.
    public static let referenceDate = Date(timeIntervalSince1970: 1_727_740_800)

    /// The schema-driven mock with seed 0.
    public static let mock = mock(seed: 0)

    /// The schema-driven mock: every endpoint answers a body generated from its response type, the same for a seed.
    public static func mock(seed: UInt64) -> SuretyMode { SuretyMode(kind: .mock(seed: seed)) }

    /// The stateful emulator with the built-in fixtures, its clock stopped at ``referenceDate``.
    public static let emulate = emulate()

    /// The stateful emulator with the fixtures file at `fixtures` (nil: the built-in fixtures), its clock stopped at
    /// `clock` (nil: the system clock), and its locator generator seeded with `seed`.
    public static func emulate(fixtures: String? = nil, clock: Date? = referenceDate, seed: UInt64 = 0x5EED) -> SuretyMode {
        SuretyMode(kind: .emulate(fixtures: fixtures, clock: clock, seed: seed))
    }

    /// Replays a recordings folder, or a HAR file when `path` names a file; a request no recording matches is
    /// reported with the nearest recordings.
    public static func replay(_ path: String) -> SuretyMode { SuretyMode(kind: .replay(path: path)) }

    /// Passes every request through to `upstream` and writes each exchange to `directory`, redacted by `redaction`.
    public static func record(into directory: String, upstream: URL, redaction: Redaction = .default) -> SuretyMode {
        SuretyMode(kind: .record(directory: directory, upstream: upstream, redaction: redaction))
    }

    /// Only the stubs the test pins; any other request is answered 404 and reported.
    public static let stubs = SuretyMode(kind: .stubs)

    /// The mode's name, as `surety serve` names its modes.
    public var name: String {
        switch kind {
        case .mock: return "mock"
        case .emulate: return "emulator"
        case .replay: return "replay"
        case .record: return "record"
        case .stubs: return "stubs"
        }
    }
}
