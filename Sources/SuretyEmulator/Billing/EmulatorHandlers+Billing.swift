import SuretyJSON
import SuretySchemas

extension EmulatorHandlers {
    /// The Installments and Installment Lattices endpoints. Listings answer oldest first and, like the Jobs
    /// listings, an empty list for a reference the tenant does not have [I]; single fetches answer 404.
    static var billing: [String: EmulatorHandler] {
        [
            "fetchInstallmentsForQuote": installments(of: "quoteLocator"),
            "fetchInstallmentsForPolicy": installments(of: "policyLocator"),
            "fetchInstallmentsForPolicyTransaction": installments(of: "transactionLocator"),
            "previewInstallmentsForStatelessQuote": { store, context, call throws(EmulatorError) in
                let name = "quotePreviewRequest"
                guard let text = call.query(name), let json = try? JSONParser().parse(Array(text.utf8)).value() else {
                    throw .invalidBody(pointer: JSONPointer(tokens: [name]), reason: "expected the query parameter \(name) as a JSON QuoteBillingPreviewRequest")
                }
                let (request, problems) = QuoteBillingRequest.read(json, at: JSONPointer(tokens: [name]))
                guard let request else {
                    let problem = problems.first
                    throw .invalidBody(pointer: problem?.pointer ?? .root, reason: "expected \(problem?.expected ?? "a request"), found \(problem?.actual ?? "none")")
                }
                let preview = try store.preview(request, quoteLocator: nil, context: &context)
                return EmulatorReply(preview.jsonValue, discardChanges: true)
            },
            "updateInstallments": { store, context, call throws(EmulatorError) in
                let body = try call.requireBody()
                guard let locators = body["installmentLocators"]?.arrayValue?.compactMap(\.stringValue), !locators.isEmpty else {
                    throw .invalidBody(pointer: JSONPointer(tokens: ["installmentLocators"]), reason: "expected a non-empty array of installment locators")
                }
                var times: [String: Timestamp] = [:]
                for key in ["dueTime", "generateTime", "autopayTime"] {
                    guard let value = body[key], value != .null else { continue }
                    guard let time = value.stringValue.flatMap(Timestamp.init(rfc3339:)) else {
                        throw .invalidBody(pointer: JSONPointer(tokens: [key]), reason: "expected an RFC 3339 datetime")
                    }
                    times[key] = time
                }
                var updated: [Installment] = []
                for locator in locators {
                    guard var installment = store.billing.installment(locator) else { throw .notFound(kind: "installment", locator: locator) }
                    installment.dueTime = times["dueTime"] ?? installment.dueTime
                    installment.generateTime = times["generateTime"] ?? installment.generateTime
                    installment.autopayTime = times["autopayTime"] ?? installment.autopayTime
                    guard installment.generateTime <= installment.dueTime, installment.autopayTime <= installment.dueTime else {
                        throw .unprocessable(reason: "Installment \(locator) would be generated (\(installment.generateTime.rfc3339())) or paid by autopay (\(installment.autopayTime.rfc3339())) after it is due (\(installment.dueTime.rfc3339())).")
                    }
                    installment.updatedAt = context.now
                    installment.updatedBy = context.user
                    updated.append(installment)
                }
                for installment in updated { store.billing.update(installment) }
                return EmulatorReply(.array(updated.map(\.jsonValue)))
            },
            "fetchLatestInstallmentLatticeByQuoteLocator": { store, _, call throws(EmulatorError) in
                let quote = call.path("quoteLocator")
                guard let lattice = store.billing.lattices(of: quote).last(where: { $0.quoteLocator == quote }) else {
                    throw .notFound(kind: "installment lattice of quote", locator: quote)
                }
                return EmulatorReply(lattice.jsonValue)
            },
            "fetchInstallmentLatticesByPolicyLocator": { store, context, call throws(EmulatorError) in
                let policy = call.path("policyLocator")
                return EmulatorReply(call.list(store.billing.lattices(of: policy).filter { $0.policyLocator == policy }.map(\.jsonValue),
                                               options: context.options))
            },
            "fetchInstallmentLatticeSettings": { store, _, call throws(EmulatorError) in
                guard let record = store.billing.settings[call.path("locator")] else { throw .notFound(kind: "settings", locator: call.path("locator")) }
                return EmulatorReply(record.jsonValue(withAudit: false))
            },
        ]
    }

    /// A listing of the installments of the path's `parameter` (a quote, policy or transaction), oldest first.
    static func installments(of parameter: String) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            let reference = call.path(parameter)
            let kind = String(parameter.dropLast("Locator".count))
            let found = store.billing.installments(of: reference).filter { installment in
                switch kind {
                case "quote": return installment.quoteLocator == reference
                case "policy": return installment.policyLocator == reference
                default: return installment.transactionLocator == reference
                }
            }
            return EmulatorReply(call.list(found.map(\.jsonValue), options: context.options))
        }
    }
}
