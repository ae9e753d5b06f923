import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivers SIGINT, SIGTERM (or other signals) to a handler through Dispatch instead of the default action.
///
/// The command line wires this to ``HTTPServer/stop(gracePeriod:)`` with
/// ``HTTPServer/stopOnTerminationSignals(gracePeriod:)``. While it exists the signals' default
/// actions are ignored; ``cancel()`` restores them.
///
/// `@unchecked Sendable`: the sources are created in `init` and only cancelled afterwards, and
/// `DispatchSource` is itself thread-safe.
public final class TerminationSignals: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]
    private let signals: [Int32]

    /// Starts delivering `signals` to `handler` on `queue`; returns once Dispatch observes them (at most ~1 s).
    ///
    /// Dispatch registers a source asynchronously, and until it has, an ignored signal would be lost;
    /// waiting for the registration handler means a signal sent after `init` returns is never missed.
    public init(
        _ signals: [Int32] = [SIGINT, SIGTERM],
        queue: DispatchQueue = .global(),
        handler: @escaping @Sendable (Int32) -> Void
    ) {
        self.signals = signals
        let registered = DispatchGroup()
        sources = signals.map { number in
            signal(number, SIG_IGN)  // let Dispatch observe the signal instead of the default action
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        _ = registered.wait(timeout: .now() + 1)
    }

    /// Stops delivering and restores the default actions.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}

extension HTTPServer {
    /// Stops the server gracefully on SIGINT or SIGTERM; keep the returned value alive while serving.
    public func stopOnTerminationSignals(gracePeriod: Duration = .seconds(10)) -> TerminationSignals {
        TerminationSignals { [self] _ in beginStopping(gracePeriod: gracePeriod) }
    }
}
