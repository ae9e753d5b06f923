import Testing
import SuretyJSON
import SuretySchemas
@testable import SuretyContracts

/// The generator and mutator run over the real contract: every schema's examples validate, every mutation breaks.
@Suite struct ExampleGeneratorTests {
    static let contract = ContractCompletenessTests.loaded.contract
    static let validator = SchemaValidator(contract: contract)

    @Test func theSameSeedGivesTheSameBytes() {
        let generator = ExampleGenerator(schemas: Self.contract.schemas)
        var first = SeededRandom(seed: 9)
        var second = SeededRandom(seed: 9)
        var other = SeededRandom(seed: 10)
        let type = TypeRef.named("PolicyTransactionResponse")
        let a = JSONWriter().bytes(generator.example(of: type, random: &first))
        #expect(a == JSONWriter().bytes(generator.example(of: type, random: &second)))
        #expect(a != JSONWriter().bytes(generator.example(of: type, random: &other)))
    }

    @Test(arguments: ExampleGenerator.OptionalProperties.allCases)
    func everySchemasExamplesAreValid(optional: ExampleGenerator.OptionalProperties) throws {
        let generator = ExampleGenerator(schemas: Self.contract.schemas, optional: optional)
        var random = SeededRandom(seed: 42)
        for name in Self.contract.schemas.names {
            for _ in 0..<3 {
                let example = generator.example(of: .named(name), random: &random)
                let issues = Self.validator.validate(example, against: .named(name)).filter { $0.severity == .error }
                #expect(issues.isEmpty, "\(name): \(issues.map(\.description))")
            }
        }
    }

    @Test func everyMutationBreaksTheDocumentByItsOwnRule() throws {
        let generator = ExampleGenerator(schemas: Self.contract.schemas, optional: .all)
        let mutator = ExampleMutator(schemas: Self.contract.schemas)
        var random = SeededRandom(seed: 7)
        let type = TypeRef.named("PolicyTransactionResponse")
        let example = generator.example(of: type, random: &random)
        let expectedRule: [ExampleMutator.Mutation: ValidationIssue.Rule] = [
            .missingRequired: .required, .badEnum: .enum, .wrongType: .type, .badFormat: .format, .null: .null,
        ]
        let sites = mutator.sites(in: example, of: type)
        #expect(Set(sites.map(\.mutation)) == Set(ExampleMutator.Mutation.allCases))
        for site in sites {
            let broken = example.setting(site.replacement, at: site.pointer)
            let errors = Self.validator.validate(broken, against: type).filter { $0.severity == .error }
            #expect(errors.count >= 1, "\(site)")
            let matching = errors.contains { $0.pointer == site.pointer && $0.rule == expectedRule[site.mutation] }
            let nestedOneOf = errors.contains { $0.rule == .oneOf }
            #expect(matching || nestedOneOf, "\(site.mutation) at \(site.pointer): \(errors.map(\.description))")
        }
    }

    @Test func theStreamValidatorAgreesWithTheDocumentValidator() throws {
        let generator = ExampleGenerator(schemas: Self.contract.schemas)
        let mutator = ExampleMutator(schemas: Self.contract.schemas)
        let type = TypeRef.named("InstallmentLatticeResponse")
        var stream = StreamValidator(validator: Self.validator, type: type)
        var random = SeededRandom(seed: 3)
        for _ in 0..<50 {
            var value = generator.example(of: type, random: &random)
            if random.chance(0.5), let (broken, _) = mutator.mutate(value, of: type, random: &random) { value = broken }
            let bytes = JSONWriter().bytes(value)
            let direct = Self.validator.validate(try JSONParser().parse(bytes), against: type)
            let streamed = try bytes.withUnsafeBufferPointer { try stream.validate($0).get() }
            #expect(direct == streamed)
        }
    }
}
