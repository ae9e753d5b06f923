import SuretyJSON

/// What a reset also clears (`ResetOptions`); every switch is off when the body leaves it out.
public struct ResetOptions: Sendable, Hashable {
    /// Whether cleared flags are marked cleared or deleted.
    public enum FlagAction: String, Sendable, Hashable {
        case clear, delete
    }

    /// Delete every document the lifecycle created for the transaction.
    public var deleteAllAutomaticDocuments = false
    /// Reset every underwriting flag.
    public var resetAllUnderwritingFlags = false
    /// How flags are reset.
    public var resetFlagsAction = FlagAction.clear
    /// Documents to delete.
    public var deleteDocuments: [String] = []
    /// Flags to reset.
    public var resetFlags: [String] = []

    /// Options that reset nothing extra.
    public init() {}

    /// Reads the options from a `ResetOptions` body; absent keys keep their defaults.
    public init(json: JSONValue?) {
        guard let json else { return }
        deleteAllAutomaticDocuments = json["deleteAllAutomaticDocuments"]?.boolValue ?? false
        resetAllUnderwritingFlags = json["resetAllUnderwritingFlags"]?.boolValue ?? false
        resetFlagsAction = json["resetFlagsAction"]?.stringValue.flatMap(FlagAction.init(rawValue:)) ?? .clear
        deleteDocuments = json["deleteDocuments"]?.arrayValue?.compactMap(\.stringValue) ?? []
        resetFlags = json["resetFlags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
