import SuretySchemas

extension TenantStore {
    /// A document instance's state, processing errors and ready time as shown at this instant.
    public struct DocumentStatus: Sendable, Hashable {
        /// The `documentInstanceState`.
        public var state: DocumentInstance.State
        /// What went wrong, when its job failed.
        public var processingErrors: String?
        /// When it became ready, when it is.
        public var readyAt: Timestamp?
    }

    /// A document's status as its documents job has it (``Job/markDocuments()``): `draft` while the job renders,
    /// `ready` when it finished, `renderError` with the job's processing errors when it failed. A document no job
    /// renders (one a fixture made) keeps its own state.
    public func status(of document: DocumentInstance) -> DocumentStatus {
        guard let locator = document.jobLocator, let job = jobs.jobs[locator],
              let entry = job[member: "documents"]?.arrayValue?.first(where: { $0["locator"]?.stringValue == document.locator }),
              let state = entry["documentInstanceState"]?.stringValue.flatMap(DocumentInstance.State.init(rawValue:)) else {
            return DocumentStatus(state: document.state, readyAt: document.state == .ready ? document.createdAt : nil)
        }
        let errors = entry["processingErrors"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return DocumentStatus(state: state, processingErrors: errors, readyAt: state == .ready ? job.completedAt : nil)
    }
}
