import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyCommands

/// A recorder in front of `surety serve --emulate` sends the admin routes on to it, so a check run through the
/// recorder is as clean as a direct one, and two such runs against fresh emulators record the same traffic.
@Suite("serve --record in front of a Surety server")
struct RecorderForwardingTests {
    /// Starts a fresh emulator and a recorder in front of it, writing into `folder`.
    func recorderInFrontOfEmulator(_ folder: String) async throws -> (emulator: RunningProcess, recorder: RunningProcess, url: String) {
        let (emulator, emulatorURL) = try await ForeignBackends.serve(["--emulate"])
        let (recorder, recorderURL) = try await ForeignBackends.serve(["--record", folder, "--upstream", emulatorURL])
        return (emulator, recorder, recorderURL)
    }

    @Test("a full check through the recorder passes, its recordings pass check --recordings, and the recorder's own admin moves aside",
          .timeLimit(.minutes(3)))
    func checkThroughTheRecorder() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-record-forward")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (emulator, recorder, url) = try await recorderInFrontOfEmulator(directory + "/recordings")
        let live = try await check(["--base-url", url])
        let upstreamHealth = try await URLSessionClient.send(url + "/__surety/health")
        let ownHealth = try await URLSessionClient.send(url + "/__surety/recorder/health")
        #expect(await recorder.stop().status == 0)
        _ = await emulator.stop()
        #expect(live.code == .success, "\(live.out.suffix(2_000))")
        #expect(live.out.contains("Reach: 77 of 77"), "the emulator's fixture scenarios ran through the recorder: \(live.out.suffix(600))")
        #expect(try JSONParser().parse(upstreamHealth.body).value()["mode"] == "emulator")
        #expect(try JSONParser().parse(ownHealth.body).value()["mode"] == "record")
        let recorded = try FileManager.default.contentsOfDirectory(atPath: directory + "/recordings")
        #expect(!recorded.contains { $0.contains("surety") }, "no admin exchange was recorded: \(recorded)")
        let offline = try await check(["--recordings", directory + "/recordings"])
        #expect(offline.code == .success, "\(offline.out.suffix(2_000))")
    }

    @Test("two recordings of the same check run against two fresh emulators differ in nothing", .timeLimit(.minutes(4)))
    func freshBackendsRecordTheSameTraffic() async throws {
        let directory = try TestRepository.temporaryDirectory("surety-record-twice")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["old", "new"] {
            let (emulator, recorder, url) = try await recorderInFrontOfEmulator(directory + "/" + name)
            let run = try await check(["--base-url", url])
            #expect(await recorder.stop().status == 0)
            _ = await emulator.stop()
            #expect(run.code == .success, "\(name): \(run.out.suffix(1_000))")
        }
        let diff = await surety(["diff", directory + "/old", directory + "/new", "--fail-on", "any"] + contractsArgument)
        #expect(diff.code == .success, "\(diff.out.suffix(2_000))")
        #expect(diff.out.contains("no differences"), "\(diff.out.suffix(500))")
    }
}
