import Foundation
import SuretyEmulator
import SuretySchemas

extension SuretySession {
    /// The emulator's clock, as a `Date`; nil outside `.emulate`.
    public var now: Date? {
        emulator.map { Date(timeIntervalSince1970: Double($0.now().microseconds) / 1_000_000) }
    }

    /// Stops the emulator's clock at `date` (billing and terms move with it); does nothing outside `.emulate`.
    public func setClock(to date: Date) throws(JournalError) {
        try emulator?.setClock(to: Timestamp(microseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded())))
    }

    /// Moves the emulator's clock forward by `seconds`; does nothing outside `.emulate`.
    public func advanceClock(bySeconds seconds: Int64) throws(JournalError) {
        try emulator?.advanceClock(bySeconds: seconds)
    }
}
