import SuretyEmulator
import SuretyJSON
import SuretySchemas
import Testing

@Suite struct JobTransitionTableTests {
    /// Every allowed move, written out independently of ``JobTransitionTable``: family → event → from → to. Any
    /// (event, state) pair of a family missing here must be refused with 409 and leave the job unchanged.
    static let expected: [JobFamily: [JobEvent: [JobState: JobState]]] = [
        .documents: [.finish: [.running: .finished], .fail: [.running: .failed], .retrigger: [.failed: .running],
                     .retriggerTimedOut: [.running: .running]],
        .billing: [.start: [.queued: .running], .finish: [.running: .finished], .fail: [.running: .failed], .retry: [.failed: .queued]],
        .anonymization: [.start: [.initialized: .running], .finish: [.running: .completed], .interrupt: [.running: .suspended]],
        .deserialization: [.start: [.initialized: .running], .finish: [.running: .completed], .fail: [.running: .failed],
                           .interrupt: [.running: .interrupted], .restart: [.failed: .running, .interrupted: .running],
                           .terminate: [.initialized: .terminated, .running: .terminated, .interrupted: .terminated, .failed: .terminated]],
    ]

    static let sample: [JobFamily: JobKind] = [.documents: .documents, .billing: .installments, .anonymization: .anonymization,
                                               .deserialization: .deserialization]
    static let start = Timestamp(rfc3339: "2024-10-01T00:00:00Z")!

    @Test("every event from every state of every family moves as the table says or is refused with 409", arguments: JobFamily.allCases)
    func everyTransition(family: JobFamily) throws {
        let kind = try #require(Self.sample[family])
        #expect(JobKind.allCases.filter { $0.family == family }.contains(kind))
        for event in JobEvent.allCases {
            for state in family.states {
                var job = Job(kind: kind, locator: "01J6B00000000000000000ZZ01", state: state, at: Self.start,
                              createdBy: "00000000-0000-4000-8000-000000000000", plan: nil, data: [])
                let later = Self.start.adding(seconds: 60)
                if let destination = Self.expected[family]?[event]?[state] {
                    try job.apply(event, at: later)
                    #expect(job.state == destination, "\(family) \(event) from \(state)")
                    #expect(job.updatedAt == later)
                    #expect((job.completedAt != nil) == [.finished, .completed, .failed, .terminated].contains(destination))
                } else {
                    #expect(throws: EmulatorError.jobNotAllowed(operation: event.rawValue, state: state.rawValue, locator: job.locator),
                            "\(family) \(event) from \(state)") { try job.apply(event, at: later) }
                    #expect(job.state == state && job.updatedAt == Self.start)
                }
                #expect((JobTransitionTable.destination(of: event, family: family, from: state)) == Self.expected[family]?[event]?[state])
            }
        }
    }

    @Test("every destination is a state of its family")
    func destinationsStayInFamily() {
        for (family, events) in JobTransitionTable.rules {
            for (_, moves) in events {
                #expect(moves.keys.allSatisfy(family.states.contains) && moves.values.allSatisfy(family.states.contains), "\(family)")
            }
        }
    }

    @Test("a refused move is answered 409 in the problem shape")
    func refusedIs409() {
        let error = EmulatorError.jobNotAllowed(operation: "restart", state: "completed", locator: "X")
        #expect(error.status.code == 409)
        #expect(error.problem.title == "Operation not allowed in this job state")
        #expect(error.problem.detail == "Cannot restart job X in state completed.")
    }

    @Test("restart adds a retry, fail writes the plan's processing errors, and an operation clears them")
    func sideEffects() throws {
        var job = Job(kind: .deserialization, locator: "01J6B00000000000000000ZZ02", state: .running, at: Self.start,
                      createdBy: "00000000-0000-4000-8000-000000000000", plan: JobPlan(runSeconds: 10, ending: .failed, failure: "bad row 3"), data: [])
        job.settle(at: Self.start.adding(seconds: 9))
        #expect(job.state == .running)
        job.settle(at: Self.start.adding(seconds: 30))
        #expect(job.state == .failed && job.processingErrors == "bad row 3")
        #expect(job.updatedAt == Self.start.adding(seconds: 10), "the move happens when it fell due, not when it was noticed")
        try job.apply(.restart, at: Self.start.adding(seconds: 40), plan: JobPlan(runSeconds: 5, ending: .completed))
        #expect(job.state == .running && job.retryCount == 1 && job.processingErrors == nil)
        job.settle(at: Self.start.adding(seconds: 45))
        #expect(job.state == .completed && job.completedAt == Self.start.adding(seconds: 45))
    }

    @Test("a queued job with a plan starts, then ends, each when due")
    func queuedPlan() {
        var job = Job(kind: .grace, locator: "01J6B00000000000000000ZZ03", state: .queued, at: Self.start,
                      createdBy: "00000000-0000-4000-8000-000000000000", plan: JobPlan(startAfterSeconds: 5, runSeconds: 10, ending: .finished), data: [])
        job.settle(at: Self.start.adding(seconds: 4))
        #expect(job.state == .queued)
        job.settle(at: Self.start.adding(seconds: 5))
        #expect(job.state == .running)
        job.settle(at: Self.start.adding(seconds: 100))
        #expect(job.state == .finished && job.completedAt == Self.start.adding(seconds: 15))
    }
}
