import SuretyJSON

extension EmulatorHandlers {
    /// The create endpoints: change, the generic `{transactionType}`, renew, cancel, reinstate and reversal.
    static var creation: [String: EmulatorHandler] {
        [
            "changePolicy": create { call, context throws(EmulatorError) in .change(transactionType: "change", instructions: try instructions(call, &context)) },
            "createPolicyTransaction": create { call, context throws(EmulatorError) in
                .change(transactionType: call.path("transactionType"), instructions: try instructions(call, &context))
            },
            "renewPolicy": create { call, context throws(EmulatorError) in .renewal(instructions: try instructions(call, &context)) },
            "reinstatePolicy": create { call, context throws(EmulatorError) in .reinstatement(instructions: try instructions(call, &context)) },
            "cancelPolicy": create { call, context throws(EmulatorError) in
                let instruction = try ChangeInstruction(json: try call.requireBody(), at: .root, context: &context)
                guard instruction.parameters != nil else {
                    throw .invalidBody(pointer: JSONPointer(tokens: ["action"]), reason: "cancel takes one params instruction")
                }
                return .cancellation(instruction)
            },
            "reversePolicyChange": create { call, _ throws(EmulatorError) in
                let body = try call.requireBody()
                guard let to = body["toTransaction"]?.stringValue else {
                    throw .invalidBody(pointer: JSONPointer(tokens: ["toTransaction"]), reason: "expected the locator to reverse to")
                }
                guard let reversed = body["reverseTransactions"]?.arrayValue?.compactMap(\.stringValue) else {
                    throw .invalidBody(pointer: JSONPointer(tokens: ["reverseTransactions"]), reason: "expected an array of locators")
                }
                return .reversal(toTransaction: to, reverseTransactions: reversed)
            },
        ]
    }

    /// A create handler: reads the request with `read`, creates the draft on `{locator}`, answers the transaction.
    static func create(_ read: @escaping @Sendable (EmulatorCall, inout OperationContext) throws(EmulatorError) -> TransactionRequest) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            let request = try read(call, &context)
            let baseLocator = call.query("baseLocator") ?? call.body?["baseLocator"]?.stringValue
            let transaction = try TransactionLifecycle.running(on: &store, &context) { runner throws(EmulatorError) in
                try runner.create(request, on: call.path("locator"), baseLocator: baseLocator)
            }
            return EmulatorReply(store.render(transaction: transaction))
        }
    }

    /// The body's array of change instructions (an empty body is no instructions).
    static func instructions(_ call: EmulatorCall, _ context: inout OperationContext) throws(EmulatorError) -> [ChangeInstruction] {
        guard let body = call.body else { return [] }
        guard let items = body.arrayValue else { throw .invalidBody(pointer: .root, reason: "expected an array of change instructions") }
        var result: [ChangeInstruction] = []
        for (index, item) in items.enumerated() {
            result.append(try ChangeInstruction(json: item, at: JSONPointer(tokens: [String(index)]), context: &context))
        }
        return result
    }
}
