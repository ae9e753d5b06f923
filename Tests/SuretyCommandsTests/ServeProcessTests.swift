import Foundation
import SuretyTestSupport
import Testing

@Suite("surety serve as a process")
struct ServeProcessTests {
    /// Starts `surety serve` with `arguments` and returns it with its base URL, read from its first line.
    func start(_ arguments: [String]) async throws -> (RunningProcess, String) {
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--contracts", TestRepository.contracts] + arguments)
        let line = try #require(await process.readLine(), "serve printed its address")
        let url = try #require(line.split(separator: " ").last.map(String.init))
        #expect(line.hasPrefix("surety serve: mock of 77 endpoints listening on http://127.0.0.1:"))
        return (process, url)
    }

    @Test("--port 0 prints the port; --token is required; SIGTERM stops it with exit 0; the request log went to stderr")
    func lifecycle() async throws {
        let (process, base) = try await start(["--token", "any-token"])
        let url = base + "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3"
        let response = try await URLSessionClient.send(url, headers: ["Authorization": "Bearer any-token"])
        #expect(response.status == 200)
        let anonymous = try await URLSessionClient.send(url)
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["www-authenticate"] == "Bearer")
        let stranger = try await URLSessionClient.send(url, headers: ["Authorization": "Bearer other-token"])
        #expect(stranger.status == 401)
        let (status, stderr) = await process.stop()
        #expect(status == 0)
        #expect(stderr.contains(" fetchTransaction 200 "))
        // The last line was still pending in the batched log when SIGTERM came: the graceful stop flushed it.
        #expect(stderr.split(separator: "\n").filter { $0.contains(" fetchTransaction 401 ") }.count == 2, "\(stderr)")
        #expect(stderr.hasSuffix("surety serve: stopped\n"))
    }

    @Test("--max-body-bytes is enforced with 413, and the connection's next client is served")
    func bodyLimit() async throws {
        let curl = try #require(ToolRunner.curl)
        let (process, base) = try await start(["--max-body-bytes", "64", "--quiet", "--no-auth"])
        let url = base + "/billing/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/installments"
        let body = #"{"installmentLocators":["01HZX3K4M5N6P7Q8R9S0T1V2W3","01HZX3K4M5N6P7Q8R9S0T1V2W4"]}"#
        let over = try await ToolRunner.run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PATCH",
                                                   "-H", "Content-Type: application/json", "--data", body, url])
        #expect(over.standardOutput == "413")
        let small = #"{"installmentLocators":[]}"#
        let under = try await ToolRunner.run(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PATCH",
                                                    "-H", "Content-Type: application/json", "--data", small, url])
        #expect(under.standardOutput == "200")
        #expect(await process.stop().status == 0)
    }

    @Test("a bad option is a usage error with exit 64")
    func usage() async throws {
        let result = try await ToolRunner.run(RunningProcess.suretyExecutable, ["serve", "--latency", "fast"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--latency needs milliseconds"))
    }
}

@Suite("surety serve --record and --replay as processes")
struct RecordReplayProcessTests {
    @Test("traffic recorded through --record replays byte-identical, the token is in no file, a miss is a near-miss 404")
    func recordThenReplay() async throws {
        let folder = try TestRepository.temporaryDirectory("surety-record")
        let upstream = try RunningProcess(arguments: ["serve", "--port", "0", "--quiet", "--no-auth", "--contracts", TestRepository.contracts])
        let upstreamURL = try #require(await upstream.readLine()?.split(separator: " ").last.map(String.init))
        let recorder = try RunningProcess(arguments: ["serve", "--record", folder, "--upstream", upstreamURL, "--port", "0", "--quiet",
                                                      "--contracts", TestRepository.contracts])
        let recorderURL = try #require(await recorder.readLine()?.split(separator: " ").last.map(String.init))
        let path = "/policy/3f2a6c1e-9b4d-4e8a-8c2f-1a2b3c4d5e6f/transactions/01HZX3K4M5N6P7Q8R9S0T1V2W3"
        let recorded = try await URLSessionClient.send(recorderURL + path, headers: ["Authorization": "Bearer top-secret-token"])
        #expect(recorded.status == 200)
        #expect(await recorder.stop().status == 0)
        #expect(await upstream.stop().status == 0)

        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1)
        #expect(files.first?.hasPrefix("fetchTransaction/") == true)
        let bytes = try String(contentsOfFile: folder + "/" + files[0], encoding: .utf8)
        #expect(!bytes.contains("top-secret-token"))

        let replay = try RunningProcess(arguments: ["serve", "--replay", folder, "--port", "0", "--quiet", "--no-auth",
                                                    "--contracts", TestRepository.contracts])
        let replayURL = try #require(await replay.readLine()?.split(separator: " ").last.map(String.init))
        let replayed = try await URLSessionClient.send(replayURL + path)
        #expect(replayed.body == recorded.body)
        let miss = try await URLSessionClient.send(replayURL + path.replacingOccurrences(of: "V2W3", with: "V2W4"))
        #expect(miss.status == 404)
        #expect(miss.text.contains("No recording matches the request"))
        #expect(miss.text.contains("fetchTransaction/"))
        #expect(await replay.stop().status == 0)
    }
}
