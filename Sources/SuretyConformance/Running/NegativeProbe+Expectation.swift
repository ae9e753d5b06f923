import SuretyContracts
import SuretyJSON

extension NegativeProbe {
    /// The header field a negative probe's request carries (`X-Surety-Probe: malformed-tenant`), so that a recording
    /// of a check run knows which requests were invalid on purpose and judges them by the probe's expectation.
    public static let header = "X-Surety-Probe"

    /// What a negative probe's answer breaks: the status it expects, or for an unknown reference to a list
    /// documented to answer so, an empty list.
    public func violations(endpoint: Endpoint, status: Int, body: JSONValue?) -> [Violation] {
        let negative = self
        func wrongStatus(_ expected: String) -> [Violation] {
            [Violation(part: .status, rule: .expectedStatus, expected: expected, actual: String(status))]
        }
        switch negative {
        case .malformedTenant, .malformedLocator:
            return (400...499).contains(status) ? [] : wrongStatus(negative.expectation)
        case .noToken:
            return status == 401 ? [] : wrongStatus(negative.expectation)
        case .noPermission:
            return status == 403 ? [] : wrongStatus(negative.expectation)
        case .unknownLocator:
            let emptyList = body.map(Self.isEmptyList) ?? false
            switch endpoint.list?.unknownReference {
            case .emptyList?:
                guard status == 200 else {
                    return wrongStatus("200 with an empty list for an unknown reference (the contract says so, not 404)")
                }
                return emptyList ? [] : [Violation(part: .responseBody, rule: .expectedEmptyList,
                                                   expected: "an empty list for an unknown reference", actual: "items")]
            case .unspecified?:
                if status == 404 || (status == 200 && emptyList) { return [] }
                return wrongStatus("404 or an empty list for an unknown reference")
            case nil:
                return status == 404 ? [] : wrongStatus(negative.expectation)
            }
        }
    }

    /// `[]`, or a page whose `items` is `[]`.
    static func isEmptyList(_ body: JSONValue) -> Bool {
        if body.arrayValue?.isEmpty == true { return true }
        return body["items"]?.arrayValue?.isEmpty == true
    }
}
