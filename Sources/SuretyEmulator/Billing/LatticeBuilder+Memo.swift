import SuretySchemas

extension LatticeBuilder {
    /// What the frames of a term depend on.
    private struct FramesKey: Hashable, Sendable {
        let settings: InstallmentSettings
        let timeZoneIdentifier: String
        let termStart: Timestamp
        let termEnd: Timestamp
    }

    /// The frames already built, by what they depend on.
    private static let framesMemo = PureMemo<FramesKey, [LatticeFrame]>(maxEntries: 1_024)

    /// The frames of `[termStart, termEnd)` under `settings` in a zone (``frames(termStart:termEnd:)``), built once for
    /// every term that shares them: the policies of a fixtures file mostly do, and then share the frames' storage too.
    static func frames(settings: InstallmentSettings, timeZoneIdentifier: String, termStart: Timestamp, termEnd: Timestamp) -> [LatticeFrame] {
        framesMemo.value(for: FramesKey(settings: settings, timeZoneIdentifier: timeZoneIdentifier, termStart: termStart, termEnd: termEnd)) {
            LatticeBuilder(settings: settings, timeZoneIdentifier: timeZoneIdentifier).frames(termStart: termStart, termEnd: termEnd)
        }
    }
}
