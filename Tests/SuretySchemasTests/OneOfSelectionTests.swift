import Testing
import SuretyJSON
@testable import SuretySchemas

/// How a `oneOf` names the branch a document meant, and how many nested issues it carries.
@Suite struct OneOfSelectionTests {
    static func wide(_ name: String, members: Int) -> Schema {
        Schema(name: name, properties: [Property(name: "kind", type: .enumeration([name.lowercased()]), isRequired: true)]
            + (0..<members).map { Property(name: "m\($0)", type: .primitive(.integer), isRequired: true) })
    }

    static let schemas = SchemaSet([
        wide("Wide", members: ValidationIssue.maxNestedIssues + 1),
        Schema(name: "Narrow", properties: [Property(name: "kind", type: .enumeration(["narrow"]), isRequired: true)]),
        Schema(name: "Same", properties: [Property(name: "kind", type: .enumeration(["narrow"]), isRequired: true)]),
    ])

    func nested(_ wrong: Int) throws -> ValidationIssue {
        let members = (0...ValidationIssue.maxNestedIssues).map { #""m\#($0)": \#($0 < wrong ? "\"x\"" : "1")"# }
        let text = #"{"kind": "wide", "# + members.joined(separator: ", ") + "}"
        let found = SchemaValidator(schemas: Self.schemas).validate(try JSONParser().parse(text), against: .oneOf([.named("Wide"), .named("Narrow")]))
        return try #require(found.first)
    }

    @Test func aOneOfCarriesNestedIssuesUpToTheBound() throws {
        let issue = try nested(ValidationIssue.maxNestedIssues)
        #expect(issue.actual == #"no branch matched; kind "wide" selects Wide with 16 issue(s)"#)
        #expect(issue.details.count == ValidationIssue.maxNestedIssues)
    }

    @Test func aOneOfWithOneIssueOverTheBoundCarriesTheBoundAndCountsThemAll() throws {
        let issue = try nested(ValidationIssue.maxNestedIssues + 1)
        #expect(issue.actual == #"no branch matched; kind "wide" selects Wide with 17 issue(s)"#)
        #expect(issue.details.count == ValidationIssue.maxNestedIssues)
        #expect(issue.details.last?.pointer.description == "/m15")
    }

    @Test func aMemberIsADiscriminatorOnlyWhenEveryBranchPinsItToItsOwnValue() {
        let distinct = BranchSelector(branches: [.named("Wide"), .named("Narrow")], schemas: Self.schemas)
        #expect(distinct.discriminator == "kind")
        #expect(distinct.pinnedValues == ["wide", "narrow"])
        #expect(BranchSelector(branches: [.named("Narrow"), .named("Same")], schemas: Self.schemas).discriminator == nil)
        #expect(BranchSelector(branches: [.named("Wide"), .primitive(.string)], schemas: Self.schemas).discriminator == nil)
        #expect(BranchSelector(branches: [.named("Wide"), .named("Narrow")], schemas: Self.schemas, undocumented: ["Narrow"]).discriminator == nil)
    }

    @Test func distinctiveMembersAreTheRequiredMembersNoOtherBranchRequires() {
        let selector = BranchSelector(branches: [.named("Wide"), .named("Narrow")], schemas: Self.schemas)
        #expect(selector.distinctiveMembers[0].count == ValidationIssue.maxNestedIssues + 1)
        #expect(selector.distinctiveMembers[1] == [])
    }

    @Test func aPreparedTypeIsCompiledOnceAndJudgesAsACompiledOneDoes() throws {
        let type = TypeRef.oneOf([.named("Wide"), .named("Narrow")])
        let prepared = SchemaValidator(schemas: Self.schemas, prepare: [type, type])
        #expect(prepared.prepared.count == 1)
        #expect(prepared.with(options: .init(strict: true)).prepared[type] === prepared.prepared[type])
        for text in [#"{"kind": "narrow"}"#, #"{"kind": "wide", "m0": "x"}"#, #"{"kind": "other"}"#, "7"] {
            let document = try JSONParser().parse(text)
            #expect(prepared.validate(document, against: type) == SchemaValidator(schemas: Self.schemas).validate(document, against: type))
        }
    }
}
