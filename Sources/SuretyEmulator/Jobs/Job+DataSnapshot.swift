import SuretySchemas

/// The data step of a documents job [D dynamic documents, Document Data Snapshot plugin]: once the data a document
/// is rendered from is persisted, a dynamic document is `dataReady`; it is `ready` once rendered (the job finished).
/// The emulator finishes a static document with its job [I].
extension Job {
    /// When the running documents job takes its data snapshot; nil when it has no dynamic document, has taken it,
    /// or is not running.
    var snapshotDue: Timestamp? {
        guard kind == .documents, state == .running, !snapshotTaken, let plan, let seconds = plan.snapshotSeconds,
              !plan.dynamicDocuments.isEmpty else { return nil }
        return updatedAt.adding(seconds: seconds)
    }

    /// Takes the data snapshot: the job's dynamic documents become `dataReady`, the others stay `draft`.
    mutating func takeDataSnapshot() {
        snapshotTaken = true
        let dynamic = plan?.dynamicDocuments ?? []
        markDocuments { dynamic.contains($0) ? .dataReady : .draft }
    }
}
