import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// Why the emulator refused a request, with the context a user needs; answered in the project's ``Problem`` shape.
///
/// The platform's error catalogue is unpublished (`semantics.md` §4.3 [U]); the statuses are the emulator's choice,
/// the client errors all inside ``ErrorConvention``: 400 malformed body, 401 token, 403 permission or tenant, 404
/// unknown locator, 409 an operation the transaction's state does not allow, 422 a well-formed request the business
/// rules refuse; and two server errors: 500 only when a persisted emulator cannot write its state journal, 507 when a
/// change would take a tenant past ``EmulatorLimits/maxRecordsPerTenant``.
public enum EmulatorError: Error, Equatable, Sendable {
    /// No `Authorization: Bearer` header.
    case missingToken
    /// A bearer token the fixtures do not know.
    case unknownToken
    /// The token lacks every one of the endpoint's permissions.
    case missingPermission(required: [String])
    /// The token does not hold the tenant.
    case tenantNotHeld(tenant: String)
    /// No such entity in this tenant.
    case notFound(kind: String, locator: String)
    /// The body is not what the endpoint takes.
    case invalidBody(pointer: JSONPointer, reason: String)
    /// The transaction's state does not allow the operation.
    case notAllowed(operation: String, state: TransactionState, locator: String)
    /// The business rules refuse a well-formed request.
    case unprocessable(reason: String)
    /// A job's state does not allow the operation (``JobTransitionTable``).
    case jobNotAllowed(operation: String, state: String, locator: String)
    /// The change could not be written to the state journal, so it was not made (`--state DIR`).
    case notSaved(reason: String)
    /// The change would leave the tenant holding more records than ``EmulatorLimits/maxRecordsPerTenant``.
    case tenantFull(tenant: String, records: Int, limit: Int)

    /// The status the error is answered with.
    public var status: HTTPStatus {
        switch self {
        case .missingToken, .unknownToken: return .unauthorized
        case .missingPermission, .tenantNotHeld: return .forbidden
        case .notFound: return .notFound
        case .invalidBody: return .badRequest
        case .notAllowed, .jobNotAllowed: return .conflict
        case .unprocessable: return .unprocessableContent
        case .notSaved: return .internalServerError
        case .tenantFull: return .insufficientStorage
        }
    }

    /// The error as the project's problem shape.
    public var problem: Problem {
        switch self {
        case .missingToken:
            return Problem(status: status, title: "Unauthorized", detail: "The request has no Authorization: Bearer token.")
        case .unknownToken:
            return Problem(status: status, title: "Unauthorized", detail: "The bearer token is not one of the emulator's tokens.")
        case .missingPermission(let required):
            return Problem(status: status, title: "Forbidden", detail: "The token needs one of: \(required.joined(separator: ", ")).")
        case .tenantNotHeld(let tenant):
            return Problem(status: status, title: "Forbidden", detail: "The token does not hold tenant \(tenant).")
        case .notFound(let kind, let locator):
            return Problem(status: status, title: "Not found", detail: "No \(kind) \(locator) in this tenant.")
        case .invalidBody(let pointer, let reason):
            let at = pointer.tokens.isEmpty ? "" : " at \(pointer)"
            return Problem(status: status, title: "Invalid body", detail: "\(reason)\(at).")
        case .notAllowed(let operation, let state, let locator):
            return Problem(status: status, title: "Operation not allowed in this state",
                           detail: "Cannot \(operation) transaction \(locator) in state \(state.rawValue).")
        case .unprocessable(let reason):
            return Problem(status: status, title: "Request refused by the business rules", detail: reason)
        case .jobNotAllowed(let operation, let state, let locator):
            return Problem(status: status, title: "Operation not allowed in this job state",
                           detail: "Cannot \(operation) job \(locator) in state \(state).")
        case .notSaved(let reason):
            return Problem(status: status, title: "State not saved", detail: "The change was not made: \(reason)")
        case .tenantFull(let tenant, let records, let limit):
            return Problem(status: status, title: "Emulator state limit reached",
                           detail: "The change would leave tenant \(tenant) holding \(records) records, over the emulator's limit of "
                               + "\(limit) (--max-records); it was not made. Reset the state (POST /__surety/reset), or start the "
                               + "emulator with a larger --max-records.")
        }
    }
}
