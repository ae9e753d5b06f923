import SuretyJSON
import SuretySchemas

/// Reads a fixtures file, collecting every problem with its line, column and JSON Pointer.
///
/// ```json
/// {"tenants": [{"locator": "<uuid>", "name": "Acme",
///    "products": [{"name": "PersonalAuto", "durationBasis": "months", "timeZone": "UTC", "currency": "USD",
///                  "elementTypes": [{"name": "Vehicle", "requiredData": ["vin"]}],
///                  "rates": [{"elementType": "Vehicle", "chargeType": "premium", "annualAmount": 600,
///                             "coverageTerm": {"name": "deductible", "option": "250"}}],
///                  "documents": [{"trigger": "issued", "staticName": "declaration", "name": "Declaration",
///                                 "referenceType": "transaction", "format": "pdf", "state": "ready"}]}],
///    "accounts": [{"locator": "<ulid>", "name": "…"}],
///    "quotes": [{"locator": "<ulid>", "accountLocator": "<ulid>", "productName": "PersonalAuto", "state": "draft"}],
///    "policies": [{"locator": "<ulid>?", "accountLocator": "<ulid>", "productName": "PersonalAuto",
///                  "startTime": "…Z", "endTime": "…Z", "element": {"type": "PersonalAuto", "data": {},
///                  "coverageTerms": {}, "elements": [ … ]}}]}],
///  "tokens": [{"token": "…", "userLocator": "<uuid>", "tenants": ["<uuid>" | "*"], "permissions": ["transactions.*"]}]}
/// ```
/// `annualAmount` is in major units with at most the currency's ISO 4217 decimals (``CurrencyMinorUnits``); an optional
/// `currencyScale` must agree with them.
/// A tenant may also have `jobSettings` and `jobs` (the format is in `FixtureReader+Jobs.swift`).
public struct FixtureReader {
    /// The file name written in issues.
    public let file: String
    /// The problems found so far.
    public internal(set) var issues: [FixtureIssue] = []
    var document: JSONDocument?

    /// Creates a reader for a file name.
    public init(file: String) {
        self.file = file
    }

    /// Reads the fixtures; nil (with issues) when the text is not JSON.
    public mutating func read(_ bytes: [UInt8]) -> EmulatorFixtures? {
        do {
            document = try JSONParser().parse(bytes)
        } catch {
            issues.append(FixtureIssue(file: file, position: TextPosition(line: error.line, column: error.column), pointer: .root,
                                       reason: .syntax(error.message)))
            return nil
        }
        let root = document!.value()
        let at = JSONPointer.root
        let tenants = array(root, "tenants", at, required: true).map { tenant($0.0, $0.1) }
        let tokens = array(root, "tokens", at, required: false).map { token($0.0, $0.1) }
        checkDuplicates(tenants.map(\.locator), kind: "tenant", at: at.appending("tenants"), key: "locator")
        checkDuplicates(tokens.map(\.token), kind: "token", at: at.appending("tokens"), key: "token")
        let known = Set(tenants.map { $0.locator.lowercased() })
        for (index, token) in tokens.enumerated() {
            for (position, tenant) in token.tenants.enumerated() where tenant != "*" && !known.contains(tenant.lowercased()) {
                report(at.appending("tokens").appending(index).appending("tenants").appending(position), .unknownReference(kind: "tenant", value: tenant))
            }
        }
        return EmulatorFixtures(tenants: tenants, tokens: tokens)
    }

    mutating func tenant(_ value: JSONValue, _ at: JSONPointer) -> EmulatorFixtures.Tenant {
        let locator = string(value, "locator", at, format: .uuid) ?? ""
        let products = array(value, "products", at, required: false).map { product($0.0, $0.1) }
        let accounts = array(value, "accounts", at, required: false).map { item, pointer in
            Account(locator: string(item, "locator", pointer, format: .ulid) ?? "", name: string(item, "name", pointer, required: false) ?? "")
        }
        let quotes = array(value, "quotes", at, required: false).map { item, pointer in
            var quote = Quote(locator: string(item, "locator", pointer, format: .ulid) ?? "", accountLocator: string(item, "accountLocator", pointer) ?? "",
                              productName: string(item, "productName", pointer) ?? "",
                              state: enumerated(item, "state", pointer, TransactionState.self) ?? .draft)
            quote.billing = quoteBilling(item, pointer, quote: quote, products: products)
            return quote
        }
        let policies = array(value, "policies", at, required: false).map { policy($0.0, $0.1) }
        checkDuplicates(products.map(\.name), kind: "product", at: at.appending("products"), key: "name")
        checkDuplicates(accounts.map(\.locator) + quotes.map(\.locator) + policies.compactMap(\.locator), kind: "locator", at: at, key: nil)
        let productNames = Set(products.map(\.name))
        let accountLocators = Set(accounts.map(\.locator))
        for (index, quote) in quotes.enumerated() { checkReferences(quote.productName, quote.accountLocator, at.appending("quotes").appending(index), productNames, accountLocators) }
        for (index, policy) in policies.enumerated() { checkReferences(policy.productName, policy.accountLocator, at.appending("policies").appending(index), productNames, accountLocators) }
        return EmulatorFixtures.Tenant(locator: locator.lowercased(), name: string(value, "name", at, required: false) ?? "", products: products,
                                       accounts: accounts, quotes: quotes, policies: policies, jobs: jobs(value, at),
                                       jobSettings: jobSettings(value, at))
    }

    mutating func checkReferences(_ product: String, _ account: String, _ at: JSONPointer, _ products: Set<String>, _ accounts: Set<String>) {
        if !products.contains(product) { report(at.appending("productName"), .unknownReference(kind: "product", value: product)) }
        if !accounts.contains(account) { report(at.appending("accountLocator"), .unknownReference(kind: "account", value: account)) }
    }

    mutating func product(_ value: JSONValue, _ at: JSONPointer) -> Product {
        let currency = string(value, "currency", at, required: false) ?? "USD"
        let scale = CurrencyMinorUnits.of(currency)
        if let given = integer(value, "currencyScale", at), given != scale {
            report(at.appending("currencyScale"), .invalid(expected: "\(scale), the ISO 4217 minor unit of \(currency)", actual: String(given)))
        }
        let elementTypes = array(value, "elementTypes", at, required: true).map { item, pointer in
            Product.ElementType(name: string(item, "name", pointer) ?? "",
                                requiredData: array(item, "requiredData", pointer, required: false).compactMap { stringValue($0.0, $0.1) })
        }
        let rates = array(value, "rates", at, required: false).map { item, pointer in
            let term = item["coverageTerm"].map { _ in
                (name: string(item["coverageTerm"]!, "name", pointer.appending("coverageTerm")) ?? "",
                 option: string(item["coverageTerm"]!, "option", pointer.appending("coverageTerm")) ?? "")
            }
            return Product.Rate(elementType: string(item, "elementType", pointer) ?? "", chargeType: string(item, "chargeType", pointer) ?? "",
                                annualMinorUnits: minorUnits(item, "annualAmount", pointer, scale: scale) ?? 0, coverageTerm: term)
        }
        let documents = array(value, "documents", at, required: false).map { item, pointer in
            var spec = Product.DocumentSpec(trigger: enumerated(item, "trigger", pointer, TransactionState.self, required: true) ?? .issued,
                                            staticName: string(item, "staticName", pointer) ?? "", name: string(item, "name", pointer) ?? "",
                                            referenceType: documentScope(item, pointer),
                                            format: string(item, "format", pointer, required: false) ?? "pdf",
                                            state: enumerated(item, "state", pointer, DocumentInstance.State.self) ?? .ready)
            spec.category = string(item, "category", pointer, required: false)
            if let dynamic = item["dynamic"] {
                if let flag = dynamic.boolValue { spec.isDynamic = flag } else {
                    report(pointer.appending("dynamic"), .wrongType(expected: "a boolean", actual: dynamic.typeName))
                }
            }
            return spec
        }
        var product = Product(name: string(value, "name", at) ?? "", elementTypes: elementTypes, rates: rates, documents: documents,
                              durationBasis: enumerated(value, "durationBasis", at, DurationBasis.self) ?? .months,
                              timeZone: string(value, "timeZone", at, required: false) ?? "UTC",
                              currency: currency)
        product.billing = productBilling(value, at)
        return product
    }

    mutating func policy(_ value: JSONValue, _ at: JSONPointer) -> EmulatorFixtures.PolicySeed {
        let start = time(value, "startTime", at)
        let end = time(value, "endTime", at)
        if let start, let end, end <= start { report(at.appending("endTime"), .invalid(expected: "an end after startTime", actual: end.rfc3339())) }
        var element = EmulatorFixtures.ElementSeed(type: "", data: .object([]), coverageTerms: [:], children: [])
        if let tree = object(value, "element", at) {
            element = self.element(tree, at.appending("element"))
            var seen: Set<String> = []
            reportRepeatedStaticLocators(in: element, at: at.appending("element"), seen: &seen)
        }
        return EmulatorFixtures.PolicySeed(
            locator: string(value, "locator", at, required: false, format: .ulid), accountLocator: string(value, "accountLocator", at) ?? "",
            productName: string(value, "productName", at) ?? "", startTime: start ?? Timestamp(seconds: 0), endTime: end ?? Timestamp(seconds: 0),
            timeZone: string(value, "timeZone", at, required: false), currency: string(value, "currency", at, required: false),
            durationBasis: enumerated(value, "durationBasis", at, DurationBasis.self), element: element)
    }

    mutating func element(_ value: JSONValue, _ at: JSONPointer) -> EmulatorFixtures.ElementSeed {
        var terms: [String: String] = [:]
        if let object = object(value, "coverageTerms", at, required: false) {
            for member in object.objectValue ?? [] {
                terms[member.key] = stringValue(member.value, at.appending("coverageTerms").appending(member.key))
            }
        }
        return EmulatorFixtures.ElementSeed(type: string(value, "type", at) ?? "", data: object(value, "data", at, required: false) ?? .object([]),
                                            coverageTerms: terms,
                                            children: array(value, "elements", at, required: false).map { element($0.0, $0.1) },
                                            staticLocator: string(value, "staticLocator", at, required: false, format: .ulid))
    }

    /// Reports each element of a policy's tree whose given static locator an earlier element of the tree has.
    mutating func reportRepeatedStaticLocators(in element: EmulatorFixtures.ElementSeed, at: JSONPointer, seen: inout Set<String>) {
        if let locator = element.staticLocator, !seen.insert(locator).inserted {
            report(at.appending("staticLocator"), .duplicate(kind: "element staticLocator", value: locator))
        }
        for (index, child) in element.children.enumerated() {
            reportRepeatedStaticLocators(in: child, at: at.appending("elements").appending(String(index)), seen: &seen)
        }
    }

    mutating func token(_ value: JSONValue, _ at: JSONPointer) -> AccessToken {
        AccessToken(token: string(value, "token", at) ?? "", userLocator: string(value, "userLocator", at, format: .uuid) ?? "",
                    tenants: array(value, "tenants", at, required: true).compactMap { stringValue($0.0, $0.1) },
                    permissions: array(value, "permissions", at, required: true).compactMap { stringValue($0.0, $0.1) })
    }

    /// A product document's `referenceType` (its scope): a transaction's documents are about the transaction, its
    /// segment, the policy or the term; quote and invoice documents come from no transaction.
    mutating func documentScope(_ item: JSONValue, _ pointer: JSONPointer) -> DocumentInstance.ReferenceType {
        guard let scope = enumerated(item, "referenceType", pointer, DocumentInstance.ReferenceType.self) else { return .transaction }
        guard [.transaction, .segment, .policy, .term].contains(scope) else {
            report(pointer.appending("referenceType"), .invalid(expected: "one of transaction | segment | policy | term", actual: "\"\(scope.rawValue)\""))
            return .transaction
        }
        return scope
    }
}
