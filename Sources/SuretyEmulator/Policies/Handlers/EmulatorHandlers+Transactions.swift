import SuretyJSON

extension EmulatorHandlers {
    /// A transaction of the store, and whether it is in draft (409 otherwise) for the update endpoints.
    static func draft(_ locator: String, in store: TenantStore, operation: String) throws(EmulatorError) -> PolicyTransaction {
        let transaction = try store.transaction(locator)
        guard transaction.state == .draft else {
            throw .notAllowed(operation: operation, state: transaction.state, locator: locator)
        }
        return transaction
    }

    /// The transaction response with its change instructions (the newer API's `changeInstructions`).
    static func withInstructions(_ transaction: PolicyTransaction, in store: TenantStore) -> JSONValue {
        store.render(transaction: transaction).setting(.array(transaction.changeInstructions.map(\.jsonValue)),
                                                       at: JSONPointer(tokens: ["changeInstructions"]))
    }
}
