import SuretyJSON

extension EmulatorHandlers {
    /// Element and change-instruction updates, allowed only in draft ("Transactions can only be updated when they
    /// are in draft state"); the elements endpoints answer the segment the instructions would produce, unsaved.
    static var changes: [String: EmulatorHandler] {
        [
            "addElementsToPolicyWithTransaction": elements { body, _ throws(EmulatorError) in
                let items = body.arrayValue ?? body["elements"]?.arrayValue ?? [body]
                var added: [ChangeInstruction.NewElement] = []
                for (index, item) in items.enumerated() { added.append(try .init(json: item, at: JSONPointer(tokens: [String(index)]))) }
                return [.add(added)]
            },
            "updateElementsInPolicyWithTransaction": elements { body, context throws(EmulatorError) in
                var actions: [ChangeInstruction.Action] = []
                for (index, item) in (body.arrayValue ?? [body]).enumerated() {
                    let modify = item.setting("modify", at: JSONPointer(tokens: ["action"]))
                    actions.append(try ChangeInstruction(json: modify, at: JSONPointer(tokens: [String(index)]), locator: context.makeLocator()).action)
                }
                return actions
            },
            "removeElementsFromPolicyWithTransaction": elements { body, _ throws(EmulatorError) in
                guard let locators = body.arrayValue?.compactMap(\.stringValue) else {
                    throw .invalidBody(pointer: .root, reason: "expected an array of static element locators")
                }
                return [.delete(locators)]
            },
            "createPolicyChangeInstruction": { store, context, call throws(EmulatorError) in
                var transaction = try draft(call.path("locator"), in: store, operation: "add change instructions to")
                let body = try call.requireBody()
                for (index, item) in (body.arrayValue ?? [body]).enumerated() {
                    let pointer = body.arrayValue == nil ? JSONPointer.root : JSONPointer(tokens: [String(index)])
                    transaction.changeInstructions.append(try ChangeInstruction(json: item, at: pointer, context: &context))
                }
                store.transactions[transaction.locator] = transaction
                return EmulatorReply(withInstructions(transaction, in: store))
            },
            "updateChangeInstruction": { store, context, call throws(EmulatorError) in
                // An unknown instruction is 404 whatever the state; a known one changes only in draft (409).
                let locator = call.path("instructionLocator")
                guard let index = try store.transaction(call.path("locator")).changeInstructions.firstIndex(where: { $0.locator == locator }) else {
                    throw .notFound(kind: "change instruction", locator: locator)
                }
                var transaction = try draft(call.path("locator"), in: store, operation: "update change instructions of")
                var instruction = try ChangeInstruction(json: try call.requireBody(), at: .root, locator: locator)
                instruction.assignStaticLocators { context.makeLocator() }
                transaction.changeInstructions[index] = instruction
                store.transactions[transaction.locator] = transaction
                return EmulatorReply(withInstructions(transaction, in: store))
            },
            "deleteChangeInstructionFromTransaction": { store, _, call throws(EmulatorError) in
                let locator = call.path("instructionLocator")
                guard try store.transaction(call.path("locator")).changeInstructions.contains(where: { $0.locator == locator }) else {
                    throw .notFound(kind: "change instruction", locator: locator)
                }
                var transaction = try draft(call.path("locator"), in: store, operation: "delete change instructions of")
                transaction.changeInstructions.removeAll { $0.locator == locator }
                store.transactions[transaction.locator] = transaction
                return EmulatorReply(withInstructions(transaction, in: store))
            },
        ]
    }

    /// An elements handler: turns the body into instructions, appends them to the draft and answers the segment
    /// they would produce (built, not stored) as `SegmentResponse[]`.
    static func elements(_ read: @escaping @Sendable (JSONValue, inout OperationContext) throws(EmulatorError) -> [ChangeInstruction.Action]) -> EmulatorHandler {
        { store, context, call throws(EmulatorError) in
            var transaction = try draft(call.path("locator"), in: store, operation: "update elements of")
            for action in try read(try call.requireBody(), &context) {
                var instruction = ChangeInstruction(locator: context.makeLocator(), action: action)
                instruction.assignStaticLocators { context.makeLocator() }
                transaction.changeInstructions.append(instruction)
            }
            let preview = try SegmentBuilder(store: store).build(for: transaction, context: &context)
            store.transactions[transaction.locator] = transaction
            var shown = store
            shown.segments[preview.locator] = preview
            return EmulatorReply(.array([shown.render(segment: preview)]))
        }
    }
}
