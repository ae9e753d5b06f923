import SuretyJSON

extension EmulatorHandlers {
    /// Anonymization and deserialization jobs.
    static var otherJobs: [String: EmulatorHandler] {
        [
            "fetchAnonymizationJobs": { store, _, call throws(EmulatorError) in
                let wanted = try anonymizationLocators(call)
                return EmulatorReply(.array(wanted.compactMap { locator in
                    store.jobs.jobs[locator].flatMap { $0.kind == .anonymization ? $0.rendered : nil }
                }))
            },
            "listDeserializeScheduleItemsJobs": { store, context, call throws(EmulatorError) in
                let states = Set(call.queryItems.filter { $0.name == "state" }.flatMap { ($0.value ?? "").split(separator: ",").map(String.init) })
                let jobType = call.path("jobType")
                let jobs = store.jobs.list(.deserialization) { job in
                    job[member: "jobType"]?.stringValue == jobType && (states.isEmpty || states.contains(job.state.rawValue))
                }
                return EmulatorReply(page(jobs.map(\.rendered), call, context))
            },
            "fetchDeserializeScheduleItemsJob": { store, _, call throws(EmulatorError) in
                EmulatorReply(try store.jobs.job(call.path("locator"), kind: .deserialization).rendered)
            },
            "terminateDeserializationJob": { store, context, call throws(EmulatorError) in
                try store.jobs.apply(.terminate, to: call.path("locator"), kind: .deserialization, at: context.now, plan: nil)
                return EmulatorReply(.null)
            },
            "restartDeserializationJob": { store, context, call throws(EmulatorError) in
                let plan = store.jobs.settings.deserializationRestartPlan
                try store.jobs.apply(.restart, to: call.path("locator"), kind: .deserialization, at: context.now, plan: plan)
                return EmulatorReply(.null)
            },
        ]
    }

    /// The job locators of `?request={"jobLocators": [...]}` (JSON text) or of `?jobLocators=A&jobLocators=B`.
    static func anonymizationLocators(_ call: EmulatorCall) throws(EmulatorError) -> [String] {
        let exploded = call.queryItems.filter { $0.name == "jobLocators" }.compactMap(\.value)
        guard let text = call.query("request") else {
            guard !exploded.isEmpty else { throw .invalidBody(pointer: .root, reason: "expected the query parameter request={\"jobLocators\": [...]}") }
            return exploded
        }
        guard let value = try? JSONParser().parse(Array(text.utf8)).value(), let locators = value["jobLocators"]?.arrayValue else {
            throw .invalidBody(pointer: JSONPointer(tokens: ["jobLocators"]), reason: "the query parameter request must be {\"jobLocators\": [...]} as JSON")
        }
        return locators.compactMap(\.stringValue)
    }
}
