import Foundation
import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyRecordings
import SuretySchemas
import SuretyServing

/// The responder a mode puts behind the stack, with what a reset must also restore and the emulator when there is one.
struct ModeResponder {
    var responder: any Responder
    var policy: RequestPolicy = .reject
    var resets: [@Sendable () -> Void] = []
    var emulator: EmulatedBackend?

    /// Makes the mode's responder; `note` receives the problems that are not violations (a miss, a failed write).
    static func make(_ mode: SuretyMode, checker: ExchangeChecker, stubs: StubBoard,
                     note: @escaping @Sendable (String) -> Void) throws(SuretyTestingError) -> ModeResponder {
        switch mode.kind {
        case .mock(let seed):
            return ModeResponder(responder: MockResponder(checker: checker, options: .init(seed: seed)))
        case .emulate(let fixtures, let clock, let seed):
            let emulator = try makeEmulator(checker: checker, fixtures: fixtures, clock: clock, seed: seed)
            let mock = MockResponder(checker: checker, options: .init(seed: seed))
            // In memory, so the reset cannot fail to be journaled.
            return ModeResponder(responder: EmulatorBackend.make(emulator, checker: checker, mock: mock),
                                 resets: [{ try? emulator.reset() }], emulator: emulator)
        case .replay(let path):
            let replay = try ReplaySource.load(path, checker: checker)
            return ModeResponder(responder: ReplayMissResponder(replay: replay, onMiss: note), resets: [{ replay.index.rewind() }])
        case .record(let directory, let upstream, let redaction):
            let store: RecordingStore
            do { store = try RecordingStore(directory: directory, redaction: redaction) } catch { throw .recordings(error.description) }
            let recorder = RecordingResponder(upstream: UpstreamClient(baseURL: upstream), checker: checker, store: store,
                                              onFailure: { note("recording not written: \($0.description)") })
            return ModeResponder(responder: recorder, policy: .forward)
        case .stubs:
            return ModeResponder(responder: CallbackResponder { request in
                note("no stub pinned for \(request.method) \(request.target); pinned: "
                     + (stubs.stubs.map(\.stub.description).joined(separator: ", ").nonEmpty ?? "none"))
                return Problem(status: .notFound, title: "No stub pinned for the request").response
            })
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
