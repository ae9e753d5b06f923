import Foundation
import SuretyCommands
import SuretyTestSupport
import Testing

/// The allocator's set-up for the emulator's growing heap (``HeapProfile``): one arena grown in large steps.
@Suite("serve --emulate's heap profile")
struct HeapProfileTests {
    @Test("it applies to serve --emulate alone, and not when the user's environment sets the allocator")
    func applies() {
        #expect(HeapProfile.applies(to: ["serve", "--emulate", "--port", "0"], environment: [:]))
        #expect(HeapProfile.applies(to: ["serve", "--port", "0", "--emulate"], environment: ["PATH": "/bin"]))
        #expect(!HeapProfile.applies(to: ["serve", "--mock"], environment: [:]))
        #expect(!HeapProfile.applies(to: ["serve"], environment: [:]))
        #expect(!HeapProfile.applies(to: ["check", "--emulate"], environment: [:]))
        #expect(!HeapProfile.applies(to: [], environment: [:]))
        for variable in HeapProfile.allocatorVariables {
            #expect(!HeapProfile.applies(to: ["serve", "--emulate"], environment: [variable: "1"]), "\(variable)")
        }
    }

    /// The reserved (`---p`) anonymous mappings of at least 1 MiB in a process: glibc's per-thread arenas (64 MiB
    /// of address space each, the part not yet in use reserved).
    func reservedArenas(of pid: Int32) throws -> [String] {
        let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
        return maps.split(separator: "\n").filter { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 5, fields[1] == "---p", let dash = fields[0].firstIndex(of: "-"),
                  let start = UInt64(fields[0][..<dash], radix: 16),
                  let end = UInt64(fields[0][fields[0].index(after: dash)...], radix: 16) else { return false }
            return end - start >= 1 << 20
        }.map(String.init)
    }

    /// Starts `serve` with `mode`, sends it a few requests with curl and answers its reserved arenas.
    func arenasAfterRequests(_ mode: [String]) async throws -> [String] {
        let curl = try #require(ToolRunner.curl)
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--quiet", "--contracts", TestRepository.contracts] + mode)
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        for _ in 0..<3 {
            _ = try await ToolRunner.run(curl, ["-s", "-o", "/dev/null", base + "/__surety/health"])
        }
        let arenas = try reservedArenas(of: process.processIdentifier)
        #expect(await process.stop().status == 0)
        return arenas
    }

    @Test("serve --emulate allocates from one arena; serve --mock's event loop has an arena of its own (the control)",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps")))
    func oneArena() async throws {
        #expect(try await arenasAfterRequests(["--emulate"]).isEmpty)
        #expect(try await !arenasAfterRequests(["--mock"]).isEmpty, "the check would see a thread's arena")
    }
}
