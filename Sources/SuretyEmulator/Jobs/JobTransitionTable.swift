/// Which event moves a job from which state to which, per family, as data (`semantics.md` §5).
///
/// Documented [S]: the states of each family, that `terminate` and `restart` exist and answer an empty 200.
/// Inferred [I] and chosen here: a failed documents job is re-run by its trigger endpoint, a running one that has
/// passed the timeout is restarted by the reference's trigger endpoint; `retryFailedTransactions` queues a failed
/// installment job again; `restart` takes a failed or interrupted deserialization job back to running (one more
/// retry); `terminate` stops any deserialization job that is not completed or terminated (a failed one too).
/// Anonymization jobs have no endpoint that moves them. Every (event, state) pair outside the table is refused:
/// the endpoints answer 409 (``EmulatorError/jobNotAllowed(operation:state:locator:)``).
public enum JobTransitionTable {
    /// The destinations: family → event → source state → destination state.
    public static let rules: [JobFamily: [JobEvent: [JobState: JobState]]] = [
        .documents: [
            .finish: [.running: .finished],
            .fail: [.running: .failed],
            .retrigger: [.failed: .running],
            .retriggerTimedOut: [.running: .running],
        ],
        .billing: [
            .start: [.queued: .running],
            .finish: [.running: .finished],
            .fail: [.running: .failed],
            .retry: [.failed: .queued],
        ],
        .anonymization: [
            .start: [.initialized: .running],
            .finish: [.running: .completed],
            .interrupt: [.running: .suspended],
        ],
        .deserialization: [
            .start: [.initialized: .running],
            .finish: [.running: .completed],
            .fail: [.running: .failed],
            .interrupt: [.running: .interrupted],
            .restart: [.failed: .running, .interrupted: .running],
            .terminate: [.initialized: .terminated, .running: .terminated, .interrupted: .terminated, .failed: .terminated],
        ],
    ]

    /// Where `event` takes a job of `family` in `state`; nil when the table refuses it.
    public static func destination(of event: JobEvent, family: JobFamily, from state: JobState) -> JobState? {
        rules[family]?[event]?[state]
    }

    /// The states a running job of `family` can end in by itself (a fixture job's `ending`).
    public static func endings(of family: JobFamily) -> [JobState] {
        [JobEvent.finish, .fail, .interrupt].compactMap { destination(of: $0, family: family, from: .running) }
    }

    /// The automatic event that takes a running job of `family` to `ending`.
    public static func event(ending: JobState, family: JobFamily) -> JobEvent? {
        [JobEvent.finish, .fail, .interrupt].first { destination(of: $0, family: family, from: .running) == ending }
    }
}
