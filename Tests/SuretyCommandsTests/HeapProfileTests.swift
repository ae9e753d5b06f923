import Foundation
import SuretyCommands
import SuretyTestSupport
import Testing

/// The allocator's set-up for the emulator's growing heap (``HeapProfile``): one arena grown in large steps, each made
/// resident ahead of use by ``HeapPopulator``.
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

    /// What `/proc` shows of a process: its reserved arenas, the size and resident size of its `[heap]` in KB, and the
    /// names of its threads.
    struct Layout {
        var arenas: [String]
        var heapSize: Int
        var heapResident: Int
        var threads: [String]
    }

    /// The process's ``Layout``.
    func layout(of pid: Int32) throws -> Layout {
        let smaps = try String(contentsOfFile: "/proc/\(pid)/smaps", encoding: .utf8).split(separator: "\n")
        var size = 0, resident = 0, inHeap = false
        for line in smaps {
            if line.contains(" ") && line.first?.isHexDigit == true && line.split(separator: " ").count >= 5 { inHeap = line.hasSuffix("[heap]") }
            guard inHeap else { continue }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "Size:" { size = Int(fields[1]) ?? 0 }
            if fields.first == "Rss:" { resident = Int(fields[1]) ?? 0 }
        }
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        let threads = tasks.compactMap { try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/comm", encoding: .utf8) }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return Layout(arenas: try reservedArenas(of: pid), heapSize: size, heapResident: resident, threads: threads)
    }

    /// Starts `serve` with `mode` (and `environment` added to the test's), sends it a few requests with curl and
    /// answers its layout once `settled` says it has settled (or after 3 seconds).
    func layoutAfterRequests(_ mode: [String], environment: [String: String] = [:],
                             settled: (Layout) -> Bool = { _ in true }) async throws -> Layout {
        let curl = try #require(ToolRunner.curl)
        let process = try RunningProcess(arguments: ["serve", "--port", "0", "--quiet", "--contracts", TestRepository.contracts] + mode,
                                         environment: environment)
        let line = try #require(await process.readLine(timeout: 30), "serve printed its address")
        let base = try #require(line.split(separator: " ").last.map(String.init))
        for _ in 0..<3 {
            _ = try await ToolRunner.run(curl, ["-s", "-o", "/dev/null", base + "/__surety/health"])
        }
        var found = try layout(of: process.processIdentifier)
        let deadline = Date().addingTimeInterval(3)
        while !settled(found), Date() < deadline {
            try await Task.sleep(nanoseconds: 50_000_000)
            found = try layout(of: process.processIdentifier)
        }
        #expect(await process.stop().status == 0)
        return found
    }

    @Test("serve --emulate allocates from one arena whose heap is resident ahead of use; the mock's event loop has an arena of its own",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/smaps")))
    func oneResidentArena() async throws {
        let populated = HeapPopulator.isSupported
        let emulator = try await layoutAfterRequests(["--emulate"]) { !populated || $0.heapSize - $0.heapResident <= 256 }
        #expect(emulator.arenas.isEmpty)
        #expect(emulator.heapSize >= Int(HeapProfile.topPadBytes) / 1_024, "the heap grew by a step of the top pad")
        #expect(emulator.threads.contains(HeapPopulator.threadName) == populated, "\(emulator.threads)")
        if populated {
            #expect(emulator.heapSize - emulator.heapResident <= 256, "\(emulator.heapSize) KB, \(emulator.heapResident) KB resident")
        }
        #expect(try await !layoutAfterRequests(["--mock"]).arenas.isEmpty, "the check would see a thread's arena")
    }

    @Test("with the allocator set by the user's environment, the emulator leaves it alone: the step is not made resident ahead",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/smaps")))
    func userEnvironmentWins() async throws {
        let step = String(HeapProfile.topPadBytes)
        let layout = try await layoutAfterRequests(["--emulate"], environment: ["MALLOC_ARENA_MAX": "1", "MALLOC_TOP_PAD_": step])
        #expect(!layout.threads.contains(HeapPopulator.threadName), "\(layout.threads)")
        #expect(layout.heapSize - layout.heapResident >= 1_024, "\(layout.heapSize) KB, \(layout.heapResident) KB resident")
    }
}
