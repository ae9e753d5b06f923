import SuretyJSON
import SuretySchemas

/// One change instruction of a transaction: add, modify or delete elements, or set parameters (`semantics.md` §1.2).
public struct ChangeInstruction: Sendable, Hashable {
    /// An element to add: its type, data, coverage terms, children, and the static locator of its parent.
    public struct NewElement: Sendable, Hashable {
        /// The element type.
        public var type: String
        /// Its data object.
        public var data: JSONValue
        /// Its coverage-term options.
        public var coverageTerms: [String: String]
        /// Its children.
        public var children: [NewElement]
        /// The static locator of the parent; nil adds under the root.
        public var parentStaticLocator: String?
        /// The static locator the element gets, fixed when the instruction is stored so every build agrees.
        public var staticLocator: String?

        /// Creates an element to add.
        public init(type: String, data: JSONValue = .object([]), coverageTerms: [String: String] = [:], children: [NewElement] = [],
                    parentStaticLocator: String? = nil) {
            self.type = type
            self.data = data
            self.coverageTerms = coverageTerms
            self.children = children
            self.parentStaticLocator = parentStaticLocator
        }
    }

    /// Changes to one existing element.
    public struct Modification: Sendable, Hashable {
        /// The element's static locator.
        public var staticLocator: String
        /// Data keys to set.
        public var setData: [JSONMember]
        /// Data keys to remove.
        public var removeData: [String]
        /// Coverage terms to set.
        public var setCoverageTerms: [String: String]
        /// Coverage terms to remove.
        public var removeCoverageTerms: [String]

        /// Creates a modification.
        public init(staticLocator: String, setData: [JSONMember] = [], removeData: [String] = [],
                    setCoverageTerms: [String: String] = [:], removeCoverageTerms: [String] = []) {
            self.staticLocator = staticLocator
            self.setData = setData
            self.removeData = removeData
            self.setCoverageTerms = setCoverageTerms
            self.removeCoverageTerms = removeCoverageTerms
        }
    }

    /// Parameters of the change: when it takes effect, a new policy end, preferences.
    public struct Parameters: Sendable, Hashable {
        /// When the change takes effect.
        public var effectiveTime: Timestamp
        /// A new end for the policy's term.
        public var newPolicyEndTime: Timestamp?
        /// The `PreferencesResponse` object given, kept as JSON.
        public var preferences: JSONValue?
        /// Whether to trigger a billing change.
        public var triggerBillingChange: Bool?

        /// Creates parameters.
        public init(effectiveTime: Timestamp, newPolicyEndTime: Timestamp? = nil, preferences: JSONValue? = nil,
                    triggerBillingChange: Bool? = nil) {
            self.effectiveTime = effectiveTime
            self.newPolicyEndTime = newPolicyEndTime
            self.preferences = preferences
            self.triggerBillingChange = triggerBillingChange
        }
    }

    /// What an instruction does.
    public enum Action: Sendable, Hashable {
        case add([NewElement])
        case modify(Modification)
        case params(Parameters)
        case delete([String])

        /// The action's name as the API spells it.
        public var name: String {
            switch self {
            case .add: return "add"
            case .modify: return "modify"
            case .params: return "params"
            case .delete: return "delete"
            }
        }
    }

    /// The instruction's locator.
    public var locator: String
    /// What it does.
    public var action: Action

    /// Creates an instruction.
    public init(locator: String, action: Action) {
        self.locator = locator
        self.action = action
    }

    /// Gives every element an add instruction creates its static locator, once.
    public mutating func assignStaticLocators(_ makeLocator: () -> String) {
        guard case .add(var elements) = action else { return }
        func assign(_ element: inout NewElement) {
            if element.staticLocator == nil { element.staticLocator = makeLocator() }
            for index in element.children.indices { assign(&element.children[index]) }
        }
        for index in elements.indices { assign(&elements[index]) }
        action = .add(elements)
    }

    /// The parameters, when this is a params instruction.
    public var parameters: Parameters? {
        if case .params(let parameters) = action { return parameters }
        return nil
    }
}
