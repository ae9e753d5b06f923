import Foundation
import SuretySchemas

/// The emulator's notion of now: the system clock moved by an offset, or a manual clock that only moves when told.
///
/// A value type kept inside ``EmulatorState``, so that a snapshot, a reset and a test all see the same time.
/// `POST /__surety/clock` maps onto ``set(to:)`` and ``advance(bySeconds:)``.
public struct EmulatorClock: Sendable, Hashable {
    /// Where the time comes from.
    public enum Mode: Sendable, Hashable {
        /// The system clock plus an offset in microseconds (0 until the clock is set or advanced).
        case system(offsetMicroseconds: Int64)
        /// A fixed instant that changes only through ``set(to:)`` and ``advance(bySeconds:)``.
        case manual(Timestamp)
    }

    /// Where the time comes from.
    public var mode: Mode

    /// Creates a clock.
    public init(mode: Mode) {
        self.mode = mode
    }

    /// The system clock, unmoved.
    public static var system: EmulatorClock { EmulatorClock(mode: .system(offsetMicroseconds: 0)) }

    /// A manual clock stopped at `instant`.
    public static func manual(_ instant: Timestamp) -> EmulatorClock { EmulatorClock(mode: .manual(instant)) }

    /// The current instant.
    public func now() -> Timestamp {
        switch mode {
        case .manual(let instant): return instant
        case .system(let offset): return Timestamp(microseconds: EmulatorClock.systemMicroseconds() + offset)
        }
    }

    /// Moves the clock to `instant`; a system clock keeps running from there.
    public mutating func set(to instant: Timestamp) {
        switch mode {
        case .manual: mode = .manual(instant)
        case .system: mode = .system(offsetMicroseconds: instant.microseconds - EmulatorClock.systemMicroseconds())
        }
    }

    /// Moves the clock forward (or back, when negative) by a number of seconds, stopping at
    /// ``Timestamp/earliest`` and ``Timestamp/latest``.
    public mutating func advance(bySeconds seconds: Int64) {
        switch mode {
        case .manual(let instant): mode = .manual(instant.adding(seconds: seconds))
        case .system(let offset):
            let system = EmulatorClock.systemMicroseconds()
            mode = .system(offsetMicroseconds: Timestamp(microseconds: system + offset).adding(seconds: seconds).microseconds - system)
        }
    }

    static func systemMicroseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}
