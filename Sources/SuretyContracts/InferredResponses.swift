import SuretySchemas

/// The answer types Surety's emulator gives the endpoints whose success body the reference documents leave
/// unspecified: inferred, not documented, so the contract keeps them `unspecified` (a real backend is not judged by
/// them) while the mock answers them and the OpenAPI export types them (`x-surety-inferred`), so generated clients
/// hand back a typed value instead of a dictionary.
public enum InferredResponses {
    /// The inferred 200 body type by endpoint id.
    public static let types: [String: TypeRef] = {
        var types: [String: TypeRef] = [:]
        for id in ["changePolicy", "renewPolicy", "cancelPolicy", "reinstatePolicy", "reversePolicyChange", "createPolicyTransaction",
                   "createPolicyChangeInstruction", "updateChangeInstruction", "deleteChangeInstructionFromTransaction",
                   "fetchPolicyTransactionWithUpdatedChanges"] {
            types[id] = .named("PolicyTransactionResponse")
        }
        types["fetchPolicySegmentEx"] = .named("SegmentResponse")
        types["fetchPreferencesForATransaction"] = .named("PreferencesResponse")
        types["updateInstallments"] = .array(.named("Installment"))
        return types
    }()
}
