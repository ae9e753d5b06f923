/// A product's configuration as the emulator needs it: element types, rates, documents and defaults.
public struct Product: Sendable, Hashable {
    /// An element type and the data a valid element of it must carry.
    public struct ElementType: Sendable, Hashable {
        /// The type's name.
        public var name: String
        /// Data keys whose absence fails validation.
        public var requiredData: [String]

        /// Creates an element type.
        public init(name: String, requiredData: [String] = []) {
            self.name = name
            self.requiredData = requiredData
        }
    }

    /// A rate: an annual amount charged per element of a type, optionally only for one coverage-term option.
    public struct Rate: Sendable, Hashable {
        /// The element type rated.
        public var elementType: String
        /// The charge type produced, e.g. `premium` or `tax`.
        public var chargeType: String
        /// The amount for one year of coverage, in the currency's minor units.
        public var annualMinorUnits: Int
        /// When set, the rate applies only to elements whose coverage term `name` has the option `option`.
        public var coverageTerm: (name: String, option: String)?

        /// Creates a rate.
        public init(elementType: String, chargeType: String, annualMinorUnits: Int, coverageTerm: (name: String, option: String)? = nil) {
            self.elementType = elementType
            self.chargeType = chargeType
            self.annualMinorUnits = annualMinorUnits
            self.coverageTerm = coverageTerm
        }

        /// Whether the rate applies to an element.
        public func applies(to element: Element) -> Bool {
            guard element.type == elementType else { return false }
            guard let coverageTerm else { return true }
            return element.coverageTerms[coverageTerm.name] == coverageTerm.option
        }

        /// Rates are equal when every field is.
        public static func == (lhs: Rate, rhs: Rate) -> Bool {
            lhs.elementType == rhs.elementType && lhs.chargeType == rhs.chargeType && lhs.annualMinorUnits == rhs.annualMinorUnits
                && lhs.coverageTerm?.name == rhs.coverageTerm?.name && lhs.coverageTerm?.option == rhs.coverageTerm?.option
        }

        /// Hashes every field.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(elementType)
            hasher.combine(chargeType)
            hasher.combine(annualMinorUnits)
            hasher.combine(coverageTerm?.name)
            hasher.combine(coverageTerm?.option)
        }
    }

    /// A document the platform renders when a transaction reaches a state.
    public struct DocumentSpec: Sendable, Hashable {
        /// The state whose reaching creates the document.
        public var trigger: TransactionState
        /// The document's static name.
        public var staticName: String
        /// Its display name.
        public var name: String
        /// Its scope: the transaction, its segment, the policy or the term.
        public var referenceType: DocumentInstance.ReferenceType
        /// Its format, e.g. `pdf`.
        public var format: String
        /// The state it is created in: `ready`, or an error state to emulate a failed render.
        public var state: DocumentInstance.State
        /// Whether it is dynamic (rendered from a data snapshot, passing `dataReady`) rather than static.
        public var isDynamic = false
        /// The category written on its instances, if any.
        public var category: String?

        /// Creates a document specification.
        public init(trigger: TransactionState, staticName: String, name: String, referenceType: DocumentInstance.ReferenceType,
                    format: String = "pdf", state: DocumentInstance.State = .ready) {
            self.trigger = trigger
            self.staticName = staticName
            self.name = name
            self.referenceType = referenceType
            self.format = format
            self.state = state
        }
    }

    /// The product's name.
    public var name: String
    /// Its element types.
    public var elementTypes: [ElementType]
    /// Its rates.
    public var rates: [Rate]
    /// Its documents.
    public var documents: [DocumentSpec]
    /// The default duration basis of its policies.
    public var durationBasis: DurationBasis
    /// The default time zone of its policies.
    public var timeZone: String
    /// The default currency of its policies.
    public var currency: String
    /// The number of decimal places of the currency's ISO 4217 minor unit (``CurrencyMinorUnits``).
    public var currencyScale: Int { CurrencyMinorUnits.of(currency) }
    /// The most decimal places an amount may be read with (ISO 4217 uses at most 4).
    public static let maxCurrencyScale = 6
    /// Its installment plans, billing trigger and rounding rule.
    public var billing = ProductBilling()

    /// Creates a product.
    public init(name: String, elementTypes: [ElementType], rates: [Rate], documents: [DocumentSpec] = [],
                durationBasis: DurationBasis = .months, timeZone: String = "UTC", currency: String = "USD") {
        self.name = name
        self.elementTypes = elementTypes
        self.rates = rates
        self.documents = documents
        self.durationBasis = durationBasis
        self.timeZone = timeZone
        self.currency = currency
    }

    /// The element type named `name`.
    public func elementType(_ name: String) -> ElementType? { elementTypes.first { $0.name == name } }
}
