import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyRecordings
import SuretySchemas
import SuretyServing

/// What a mode serves, with what a reset must also restore and the emulator when there is one.
struct ModeResponder {
    var mode: ServeMode
    var resets: [@Sendable () -> Void] = []
    var emulator: EmulatedBackend?

    /// Makes the mode's responder; `note` receives the problems that are not violations (a miss, a failed write).
    static func make(_ mode: SuretyMode, checker: ExchangeChecker, stubs: StubBoard,
                     note: @escaping @Sendable (String) -> Void) throws(SuretyTestingError) -> ModeResponder {
        switch mode.kind {
        case .mock(let seed):
            return ModeResponder(mode: .mock(MockResponder(checker: checker, options: .init(seed: seed))))
        case .emulate(let fixtures, let clock, let seed):
            let emulator = try makeEmulator(checker: checker, fixtures: fixtures, clock: clock, seed: seed)
            let mock = MockResponder(checker: checker, options: .init(seed: seed))
            return ModeResponder(mode: .emulate(emulator, mock: mock, builtInFixtures: fixtures == nil), emulator: emulator)
        case .replay(let path):
            let replay = try ReplaySource.load(path, checker: checker)
            return ModeResponder(mode: .replay(ReplayMissResponder(replay: replay, onMiss: note), rewind: { replay.index.rewind() }))
        case .record(let directory, let upstream, let redaction):
            let store: RecordingStore
            do { store = try RecordingStore(directory: directory, redaction: redaction) } catch { throw .recordings(error.description) }
            let recorder = RecordingResponder(upstream: UpstreamClient(baseURL: upstream), checker: checker, store: store,
                                              onFailure: { note("recording not written: \($0.description)") })
            return ModeResponder(mode: .record(recorder))
        case .stubs:
            return ModeResponder(mode: .custom(name: mode.name, ContextFree(CallbackResponder { request in
                note("no stub pinned for \(request.method) \(request.target); pinned: "
                     + (stubs.stubs.map(\.stub.description).joined(separator: ", ").nonEmpty ?? "none"))
                return Problem(status: .notFound, title: "No stub pinned for the request").response
            }), policy: .reject))
        }
    }

    private static func makeEmulator(checker: ExchangeChecker, fixtures: String?, clock: Date?,
                                     seed: UInt64) throws(SuretyTestingError) -> EmulatedBackend {
        do {
            var loaded = EmulatorFixtures.builtIn
            if let fixtures {
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: fixtures)))
                loaded = try EmulatorFixtures.load(bytes: bytes, file: fixtures)
            }
            let instant = clock.map { Timestamp(microseconds: Int64(($0.timeIntervalSince1970 * 1_000_000).rounded())) }
            return try EmulatedBackend(contract: checker.contract, fixtures: loaded, clock: instant.map(EmulatorClock.manual) ?? .system,
                                       seed: seed)
        } catch {
            throw .fixtures(String(describing: error))
        }
    }
}

extension String {
    /// Nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
