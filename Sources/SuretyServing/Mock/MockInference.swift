import SuretyConformance
import SuretyContracts
import SuretyJSON
import SuretySchemas

/// What the mock answers where the contract says less than a client needs: the state an action on a transaction leads
/// to (the shape of an unspecified answer is ``InferredResponses``).
enum MockInference {
    /// The transaction state each action (the path's last segment after `transactions/{locator}`) leads to; a
    /// transaction created on a policy (`policies/{locator}/change`, `…/renew`, …) is a draft.
    static let actionStates = [
        "initialize": "initialized", "validate": "validated", "price": "priced", "underwrite": "underwritten", "accept": "accepted",
        "issue": "issued", "refuse": "refused", "discard": "discarded", "reset": "draft",
    ]

    /// The body with the transaction's own locator and the state its action leads to, where the endpoint is an action
    /// on a transaction or creates one.
    static func actionOutcome(_ body: JSONValue, routed: RoutedRequest) -> JSONValue {
        guard case .object = body, body["transactionState"] != nil else { return body }
        let segments = routed.endpoint.path.segments
        guard segments.count >= 3, case .literal(let action)? = segments.last,
              case .parameter(let name) = segments[segments.count - 2], let locator = routed.pathParameters[name],
              case .literal(let resource) = segments[segments.count - 3] else { return body }
        switch resource {
        case "transactions":
            guard let state = actionStates[action] else { return body }
            return body.setting(.string(locator), at: "/locator").setting(.string(state), at: "/transactionState")
        case "policies" where routed.endpoint.method == "PATCH":
            return body.setting(.string(locator), at: "/policyLocator").setting("draft", at: "/transactionState")
        default:
            return body
        }
    }
}
