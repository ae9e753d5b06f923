import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response as a real client saw it.
public struct ClientResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields by lower-cased name (the last value wins).
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]
    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Failures of the test clients.
public enum TestClientError: Error, Equatable {
    /// The response was not HTTP.
    case notHTTP
    /// A tool exited with a status and standard error.
    case toolFailed(String, Int32, String)
}

/// Sends requests with URLSession, the client most Swift users meet Surety with.
public enum URLSessionClient {
    /// Sends one request; a fresh ephemeral session so no connection or cookie state leaks between tests.
    public static func send(_ url: String, method: String = "GET", headers: [String: String] = [:],
                            body: [UInt8]? = nil, timeout: TimeInterval = 10) async throws -> ClientResponse {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestClientError.notHTTP }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            fields[String(describing: name).lowercased()] = String(describing: value)
        }
        return ClientResponse(status: http.statusCode, headers: fields, body: Array(data))
    }
}

/// Runs command-line tools (curl, the built `surety`) with a deadline, off the concurrency pool.
public enum ToolRunner {
    /// The result of a finished process.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var standardOutput: String
        /// Standard error.
        public var standardError: String
    }

    /// Runs `executable` with `arguments`; killed after `timeout` seconds.
    public static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 30) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, timeout: timeout) })
            }.start()
        }
    }

    /// `curl` found on `PATH`, or nil when it is not installed.
    public static var curl: String? { which("curl") }

    /// The full path of a tool on `PATH`.
    public static func which(_ tool: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func runBlocking(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> Output {
        let process = try SpawnedProcess(executable: executable, arguments: arguments)
        let deadline = DispatchTime.now() + timeout
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); done.signal() }
        let stdout = Collected(), stderr = Collected()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) { stdout.data = process.standardOutput.readDataToEndOfFile() }
        DispatchQueue.global().async(group: reader) { stderr.data = process.standardError.readDataToEndOfFile() }
        if done.wait(timeout: deadline) == .timedOut { process.signal(SIGKILL); done.wait() }
        reader.wait()
        return Output(status: process.terminationStatus ?? -1, standardOutput: String(decoding: stdout.data, as: UTF8.self),
                      standardError: String(decoding: stderr.data, as: UTF8.self))
    }
}

/// One pipe's bytes, written by one reader thread and read after `DispatchGroup.wait()`.
///
/// `@unchecked Sendable` is safe: the single write happens-before the read through the group's wait.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
