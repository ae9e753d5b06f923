import SuretyJSON
import SuretySchemas

/// A tenant's `jobs` and `jobSettings` in a fixtures file:
///
/// ```json
/// "jobSettings": {"documentRunSeconds": 5, "documentTimeoutSeconds": 300, "failingDocuments": ["quoteLetter"],
///                 "documentDataSeconds": 0, "documentFailures": {"letter": "dataError" | "renderError" | "conversionError"},
///                 "installmentQueueSeconds": 1, "installmentRunSeconds": 5, "failInstallmentJobs": false,
///                 "deserializationRunSeconds": 60},
/// "jobs": [{"kind": "deserialization", "locator": "<ulid>", "state": "running", "createdAt": "…Z", "createdBy": "<uuid>",
///           "startAfterSeconds": 0, "runSeconds": 600, "ending": "failed", "failure": "…", "processingErrors": "…",
///           "retryCount": 0, "data": {"jobType": "scheduleItems", "metadata": {…}}}]
/// ```
/// `kind` is one of ``JobKind``; `state` one of its family's states; `data` holds the kind's other response members
/// (checked against the contract's schema when the emulator starts); `runSeconds` (and `startAfterSeconds` for a
/// waiting job) let the clock move the job, to `ending` (finished or completed by default).
extension FixtureReader {
    mutating func jobs(_ value: JSONValue, _ at: JSONPointer) -> [JobSeed] {
        let seeds = array(value, "jobs", at, required: false).compactMap { job($0.0, $0.1) }
        checkDuplicates(seeds.map(\.locator), kind: "job", at: at.appending("jobs"), key: nil)
        return seeds
    }

    mutating func job(_ value: JSONValue, _ at: JSONPointer) -> JobSeed? {
        let kind = enumerated(value, "kind", at, JobKind.self, required: true)
        let locator = string(value, "locator", at, format: .ulid)
        let state = enumerated(value, "state", at, JobState.self, required: true)
        let createdAt = value["createdAt"] == nil ? nil : time(value, "createdAt", at)
        let createdBy = string(value, "createdBy", at, required: false, format: .uuid)
        let startAfter = seconds(value, "startAfterSeconds", at)
        let run = seconds(value, "runSeconds", at)
        var ending = enumerated(value, "ending", at, JobState.self)
        let data = object(value, "data", at, required: false)?.objectValue ?? []
        guard let kind, let state else { return nil }
        if !kind.family.states.contains(state) {
            report(at.appending("state"), .invalid(expected: "one of \(kind.family.states.map(\.rawValue).joined(separator: " | ")) for \(kind.rawValue) jobs",
                                                   actual: "\"\(state.rawValue)\""))
        }
        let endings = JobTransitionTable.endings(of: kind.family)
        if let given = ending, !endings.contains(given) {
            report(at.appending("ending"), .invalid(expected: "one of \(endings.map(\.rawValue).joined(separator: " | "))", actual: "\"\(given.rawValue)\""))
            ending = nil
        }
        if let path = kind.referencePath, JSONPointer(tokens: path).resolve(in: .object(data))?.stringValue == nil {
            report(at.appending("data").appending(path.joined(separator: "/")), .missing(path.joined(separator: "/")))
        }
        let plan = startAfter == nil && run == nil ? nil
            : JobPlan(startAfterSeconds: startAfter, runSeconds: run, ending: ending ?? endings[0],
                      failure: string(value, "failure", at, required: false))
        var position: TextPosition?
        if let document, let index = document.index(of: at.appending("data")) ?? document.index(of: at) { position = document.position(of: index) }
        return JobSeed(kind: kind, locator: locator ?? "", state: state, createdAt: createdAt, createdBy: createdBy, plan: plan,
                       processingErrors: string(value, "processingErrors", at, required: false), retryCount: integer(value, "retryCount", at) ?? 0,
                       data: data, file: file, pointer: at, position: position)
    }

    mutating func jobSettings(_ value: JSONValue, _ at: JSONPointer) -> JobSettings? {
        guard let object = object(value, "jobSettings", at, required: false) else { return nil }
        let here = at.appending("jobSettings")
        var settings = JobSettings()
        settings.documentRunSeconds = seconds(object, "documentRunSeconds", here) ?? settings.documentRunSeconds
        settings.documentTimeoutSeconds = seconds(object, "documentTimeoutSeconds", here) ?? settings.documentTimeoutSeconds
        settings.installmentQueueSeconds = seconds(object, "installmentQueueSeconds", here) ?? settings.installmentQueueSeconds
        settings.installmentRunSeconds = seconds(object, "installmentRunSeconds", here) ?? settings.installmentRunSeconds
        settings.deserializationRunSeconds = seconds(object, "deserializationRunSeconds", here) ?? settings.deserializationRunSeconds
        settings.failingDocuments = Set(array(object, "failingDocuments", here, required: false).compactMap { stringValue($0.0, $0.1) })
        settings.documentDataSeconds = seconds(object, "documentDataSeconds", here) ?? settings.documentDataSeconds
        if let failures = self.object(object, "documentFailures", here, required: false) {
            let steps: [DocumentInstance.State] = [.dataError, .renderError, .conversionError]
            for member in failures.objectValue ?? [] {
                let pointer = here.appending("documentFailures").appending(member.key)
                if let text = member.value.stringValue, let step = DocumentInstance.State(rawValue: text), steps.contains(step) {
                    settings.documentFailures[member.key] = step
                } else {
                    report(pointer, .invalid(expected: "one of dataError | renderError | conversionError", actual: String(member.value.typeName.prefix(60))))
                }
            }
        }
        if let flag = object["failInstallmentJobs"] {
            if let bool = flag.boolValue { settings.failInstallmentJobs = bool } else {
                report(here.appending("failInstallmentJobs"), .wrongType(expected: "a boolean", actual: flag.typeName))
            }
        }
        return settings
    }

    /// An optional number of seconds, a whole number ≥ 0.
    mutating func seconds(_ value: JSONValue, _ key: String, _ at: JSONPointer) -> Int64? {
        guard let number = integer(value, key, at) else { return nil }
        guard number >= 0 else {
            report(at.appending(key), .invalid(expected: "a number of seconds ≥ 0", actual: String(number)))
            return nil
        }
        return Int64(number)
    }
}
