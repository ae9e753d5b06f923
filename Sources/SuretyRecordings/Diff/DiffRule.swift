/// The named rule that classified a difference; its raw value is the name printed in every output format.
public enum DiffRule: String, Sendable, Hashable, CaseIterable {
    /// An exchange of OLD has no counterpart in NEW.
    case exchangeGone = "exchange-gone"
    /// Every exchange OLD has of an endpoint is gone from NEW (of any route when NEW has no exchanges at all).
    case endpointGone = "endpoint-gone"
    /// An exchange of NEW has no counterpart in OLD.
    case exchangeNew = "exchange-new"
    /// A 2xx status became a non-2xx status.
    case statusSuccessToError = "status-success-to-error"
    /// A 2xx status became another 2xx status.
    case statusSuccessChanged = "status-success-changed"
    /// Any other status change (error to success, error to another error).
    case statusChanged = "status-changed"
    /// The response's media type (without parameters) changed.
    case contentTypeChanged = "content-type-changed"
    /// A property the contract requires disappeared.
    case requiredPropertyRemoved = "required-property-removed"
    /// A property whose contract type is not nullable became null.
    case propertyBecameNull = "property-became-null"
    /// A value's JSON type changed (or the body stopped being JSON).
    case typeChanged = "type-changed"
    /// A value typed `ulid`, `locator`, `uuid` or `datetime` stopped being valid for its type.
    case formatInvalid = "format-invalid"
    /// An enum value outside the contract's documented set appeared.
    case enumValueUndocumented = "enum-value-undocumented"
    /// An enum value changed to another value of the documented set.
    case enumValueDocumented = "enum-value-documented"
    /// A property the contract marks optional disappeared.
    case optionalPropertyRemoved = "optional-property-removed"
    /// A property the contract does not describe disappeared.
    case undocumentedPropertyRemoved = "undocumented-property-removed"
    /// A property appeared.
    case propertyAdded = "property-added"
    /// An array's length changed (its items' shape did not, or another rule says so).
    case arrayLengthChanged = "array-length-changed"
    /// A value changed without changing its type.
    case valueChanged = "value-changed"

    /// The severity this rule assigns.
    public var severity: DiffSeverity {
        switch self {
        case .endpointGone, .statusSuccessToError, .statusSuccessChanged, .contentTypeChanged, .requiredPropertyRemoved, .propertyBecameNull,
             .typeChanged, .formatInvalid, .enumValueUndocumented:
            return .breaking
        case .exchangeGone, .statusChanged, .optionalPropertyRemoved, .undocumentedPropertyRemoved:
            return .possiblyBreaking
        case .exchangeNew, .enumValueDocumented, .propertyAdded, .arrayLengthChanged, .valueChanged:
            return .compatible
        }
    }
}
