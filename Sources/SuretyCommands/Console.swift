import SuretyHTTPCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: results to standard output, problems to standard error; captured in tests.
public protocol Console: AnyObject, Sendable {
    /// Writes to standard output.
    func out(_ text: String)
    /// Writes to standard error.
    func err(_ text: String)
    /// Whether standard output is a terminal that shows colour (never when `NO_COLOR` is set).
    var colorsOutput: Bool { get }
    /// The value of an environment variable.
    func environment(_ name: String) -> String?
}

extension Console {
    /// Writes a line to standard output.
    public func line(_ text: String = "") { out(text + "\n") }
    /// Writes a line to standard error.
    public func errorLine(_ text: String) { err(text + "\n") }
}

/// The process's real standard output and error.
public final class StandardConsole: Console, @unchecked Sendable {
    // Safe: the class holds no mutable state; writes go straight to file descriptors.
    /// Creates the console.
    public init() {}

    /// Writes to file descriptor 1.
    public func out(_ text: String) { Self.write(text, to: 1) }
    /// Writes to file descriptor 2.
    public func err(_ text: String) { Self.write(text, to: 2) }

    /// True on a terminal unless `NO_COLOR` is set (https://no-color.org).
    public var colorsOutput: Bool {
        isatty(1) == 1 && environment("NO_COLOR") == nil && environment("TERM") != "dumb"
    }

    /// Reads the process environment.
    public func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc_write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

@inline(__always)
private func Glibc_write(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, pointer, count)
    #else
    return Darwin.write(descriptor, pointer, count)
    #endif
}

/// A console that keeps what was written, for tests and for embedding.
public final class CapturingConsole: Console, Sendable {
    private let captured = Locked((stdout: "", stderr: ""))
    private let variables: [String: String]

    /// Creates a capturing console with a fixed environment.
    public init(environment: [String: String] = [:]) {
        self.variables = environment
    }

    /// Everything written to standard output.
    public var output: String { captured.withLock { $0.stdout } }
    /// Everything written to standard error.
    public var errors: String { captured.withLock { $0.stderr } }
    /// Appends to the captured output.
    public func out(_ text: String) { captured.withLock { $0.stdout += text } }
    /// Appends to the captured errors.
    public func err(_ text: String) { captured.withLock { $0.stderr += text } }
    /// Never colours.
    public var colorsOutput: Bool { false }
    /// Reads the fixed environment.
    public func environment(_ name: String) -> String? { variables[name] }
}
