import SuretyJSON
import SuretySchemas

extension EmulatedBackend {
    /// Replays `journal`'s entries and from then on journals every change to it (`serve --emulate --state DIR`).
    ///
    /// Build the backend on `.manual(journal.createdAt)` with the journal's fixtures and seed, so its issuance
    /// locators are the recorded ones; each recorded request then runs at its recorded instant and as its recorded
    /// user, and the locator generator, being seeded, makes the same locators again. Afterwards the clock is the
    /// last one the journal set, else `clock`. When at least `compactingAtLeast` entries are made unobservable by a
    /// later reset, the file is then rewritten without them, atomically (``JournalCompaction``,
    /// ``EmulatorJournal/droppedByCompaction``; a rewrite that fails is ``EmulatorJournal/compactionFailure``). Answers the
    /// number of entries replayed. A backend takes one journal: a second is refused
    /// (``JournalError/notJournaled(path:change:instead:)``), since the first would not record what its replay changes.
    @discardableResult
    public func restore(from journal: any EmulatorJournal, clock: EmulatorClock,
                        compactingAtLeast threshold: Int = JournalCompaction.threshold) throws(JournalError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let attached = self.journal {
            throw .notJournaled(path: attached.path, change: "replaying another journal (\(journal.path))",
                                instead: "build a new backend for it")
        }
        var finalClock = clock
        var compaction = JournalCompaction()
        for line in journal.recorded {
            compaction.record(line.entry, locators: state.ids.state)
            switch line.entry {
            case .call(let recorded):
                guard let endpoint = contract.endpoint(id: recorded.endpointID) else {
                    throw .replayFailed(path: journal.path, line: line.number, reason: "the contract has no endpoint \(recorded.endpointID)")
                }
                let call = EmulatorCall(endpoint: endpoint, pathParameters: recorded.path, queryItems: recorded.query, body: recorded.body)
                do {
                    _ = try apply(call, user: recorded.user, at: recorded.at, journals: false)
                } catch {
                    throw .replayFailed(path: journal.path, line: line.number, reason: "\(recorded.endpointID): \(error.problem.detail ?? error.problem.title)")
                }
            case .clock(let mode):
                finalClock = EmulatorClock(mode: mode)
                state.clock = finalClock
            case .fixtures(let document, let at):
                do {
                    let fixtures = try EmulatorFixtures.load(bytes: JSONWriter(style: .compact).bytes(document), file: "\(journal.path):\(line.number)")
                    (state, baseline) = try adding(fixtures, at: at, checkingRoom: false)  // accepted when it ran
                } catch {
                    throw .replayFailed(path: journal.path, line: line.number, reason: String(describing: error))
                }
            case .reset:
                resetLocked()
            case .locators(let generator):
                state.ids = ULIDGenerator(state: generator)
            }
        }
        state.clock = finalClock
        let compacted = compaction.entries
        if journal.recorded.count - compacted.count >= max(threshold, 1) {
            // Only a saving: the state is replayed and the old journal stays whole and in use when the rewrite fails.
            do {
                try journal.replace(with: compacted)
                journal.droppedByCompaction = journal.recorded.count - compacted.count
            } catch {
                journal.compactionFailure = error
            }
        }
        self.journal = journal
        return journal.recorded.count
    }
}
