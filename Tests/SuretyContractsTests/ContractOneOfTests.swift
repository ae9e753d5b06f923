import Testing
import SuretyJSON
import SuretySchemas
@testable import SuretyContracts

/// Each `oneOf` of the contract: a document meant for each branch with one member wrong names that branch and its
/// issue; a document that selects no branch falls back to the fewest issues and reports ties as ties.
@Suite struct ContractOneOfTests {
    static let contract = ContractCompletenessTests.loaded.contract
    static let instruction = TypeRef.oneOf(["Add", "Params", "Modify", "Delete"].map { .named("\($0)ChangeInstructionCreateRequest") })
    static let invoicing = TypeRef.oneOf([.named("EarlyInvoicingGenerationData"), .named("ImmediateInvoicingData")])
    static let ulid = "01ARZ3NDEKTSV4RRFFQ69G5FAV"

    /// The `oneOf` issue's actual text and its nested issues.
    func oneOf(_ text: String, _ type: TypeRef, strict: Bool = false) throws -> (String, [String]) {
        let validator = SchemaValidator(contract: Self.contract, strict: strict)
        let issues = validator.validate(try JSONParser().parse(text), against: type)
        let issue = try #require(issues.first { $0.rule == .oneOf })
        return (issue.actual, issue.details.map(\.description))
    }

    @Test func theseAreEveryOneOfInTheContract() {
        var found: Set<TypeRef> = []
        func collect(_ type: TypeRef) {
            switch type {
            case .oneOf: found.insert(type)
            case .array(let inner), .map(let inner), .optional(let inner): collect(inner)
            default: break
            }
        }
        for schema in Self.contract.schemas.schemas { schema.properties.forEach { collect($0.type) } }
        for endpoint in Self.contract.endpoints {
            endpoint.request.map { collect($0.type) }
            endpoint.responses.forEach { collect($0.body.type) }
        }
        #expect(found == [Self.instruction, Self.invoicing])
    }

    @Test func aParamsInstructionWithoutEffectiveTimeNamesParamsByItsAction() throws {
        let type = try #require(Self.contract.endpoint(id: "changePolicy")?.request?.type)
        let (actual, details) = try oneOf(#"[{"action": "params"}]"#, type)
        #expect(actual == #"no branch matched; action "params" selects ParamsChangeInstructionCreateRequest with 1 issue(s)"#)
        #expect(details == ["/0/effectiveTime: required: expected property effectiveTime (datetime), got missing"])
    }

    @Test func anAddInstructionWithAnUnknownMemberNamesAddByItsActionInStrictMode() throws {
        let (actual, details) = try oneOf(#"{"action": "add", "staticElementLocators": []}"#, Self.instruction, strict: true)
        #expect(actual == #"no branch matched; action "add" selects AddChangeInstructionCreateRequest with 1 issue(s)"#)
        #expect(details == [#"/staticElementLocators: unknownProperty: expected only the properties of AddChangeInstructionCreateRequest, got property "staticElementLocators""#])
    }

    @Test func aModifyInstructionWithAWrongTermNamesModify() throws {
        let text = #"{"action": "modify", "staticLocator": "\#(Self.ulid)", "removeCoverageTerms": {}, "removeData": {}, "setCoverageTerms": {"a": 5}, "setData": {}}"#
        let (actual, details) = try oneOf(text, Self.instruction)
        #expect(actual == #"no branch matched; action "modify" selects ModifyChangeInstructionCreateRequest with 1 issue(s)"#)
        #expect(details == ["/setCoverageTerms/a: type: expected string, got number"])
    }

    @Test func aDeleteInstructionWithABadLocatorNamesDelete() throws {
        let (actual, details) = try oneOf(#"{"action": "delete", "staticElementLocators": ["nope"]}"#, Self.instruction)
        #expect(actual == #"no branch matched; action "delete" selects DeleteChangeInstructionCreateRequest with 1 issue(s)"#)
        #expect(details == [#"/staticElementLocators/0: format: expected locator, got "nope""#])
    }

    @Test func anUnknownActionSelectsByTheMembersOnlyOneBranchRequires() throws {
        let (actual, details) = try oneOf(#"{"action": "migrate", "staticElementLocators": []}"#, Self.instruction)
        #expect(actual == "no branch matched; member staticElementLocators selects DeleteChangeInstructionCreateRequest with 1 issue(s)")
        #expect(details == [#"/action: enum: expected one of "delete", got "migrate""#])
    }

    @Test func earlyInvoicingDataWithBadInstallmentsNamesEarlyEvenWithMoreIssuesThanImmediate() throws {
        let (actual, details) = try oneOf(#"{"accountLocator": "\#(Self.ulid)", "installmentsToBeInvoiced": [1, 2]}"#, Self.invoicing)
        #expect(actual == "no branch matched; member installmentsToBeInvoiced selects EarlyInvoicingGenerationData with 2 issue(s)")
        #expect(details == ["/installmentsToBeInvoiced/0: type: expected string (ulid), got number",
                            "/installmentsToBeInvoiced/1: type: expected string (ulid), got number"])
    }

    @Test func immediateInvoicingDataWithBadCurrenciesNamesImmediate() throws {
        let (actual, details) = try oneOf(#"{"accountLocator": "\#(Self.ulid)", "currencies": [1]}"#, Self.invoicing)
        #expect(actual == "no branch matched; member currencies selects ImmediateInvoicingData with 1 issue(s)")
        #expect(details == ["/currencies/0: type: expected string, got number"])
    }

    @Test func invoicingDataWithNeitherMemberIsATieAndSaysSo() throws {
        let (actual, details) = try oneOf(#"{"accountLocator": "\#(Self.ulid)"}"#, Self.invoicing)
        #expect(actual == "no branch matched; tied closest: EarlyInvoicingGenerationData, ImmediateInvoicingData with 1 issue(s) each")
        #expect(details == ["/installmentsToBeInvoiced: required: expected property installmentsToBeInvoiced (ulid[]), got missing",
                            "/currencies: required: expected property currencies (string[]), got missing"])
    }

    @Test func invoicingDataWithBothMembersSelectsNoBranchAndFallsBackToTheFewestIssues() throws {
        let text = #"{"accountLocator": 5, "installmentsToBeInvoiced": [], "currencies": []}"#
        let (actual, details) = try oneOf(text, Self.invoicing)
        #expect(actual == "no branch matched; tied closest: EarlyInvoicingGenerationData, ImmediateInvoicingData with 1 issue(s) each")
        #expect(details == ["/accountLocator: type: expected string (ulid), got number", "/accountLocator: type: expected string (ulid), got number"])
    }

    @Test func aValueThatIsNotAnObjectSelectsNoInstructionAndTiesAllFour() throws {
        let (actual, details) = try oneOf(#""params""#, Self.instruction)
        #expect(actual.hasPrefix("no branch matched; tied closest: AddChangeInstructionCreateRequest, ParamsChangeInstructionCreateRequest, "))
        #expect(details.count == 4)
    }
}
