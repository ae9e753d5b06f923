import SuretyJSON

extension DiffReport {
    /// The report for machines: `{"exchanges": […], "paired": n, "summary": {…}}`, written canonically by the caller.
    public var jsonValue: JSONValue {
        .object([
            "exchanges": .array(exchanges.map { exchange in
                .object([
                    "endpoint": .string(exchange.endpoint),
                    "request": .string(exchange.request),
                    "old": exchange.oldFile.map(JSONValue.string) ?? .null,
                    "new": exchange.newFile.map(JSONValue.string) ?? .null,
                    "differences": .array(exchange.differences.map { difference in
                        .object([
                            "rule": .string(difference.rule.rawValue),
                            "severity": .string(difference.severity.rawValue),
                            "part": .string(difference.part.rawValue),
                            "pointer": .string(difference.pointer.description),
                            "old": .string(difference.old),
                            "new": .string(difference.new),
                        ])
                    }),
                ])
            }),
            "paired": .integer(pairedCount),
            "summary": .object(DiffSeverity.allCases.map { JSONMember(key: $0.rawValue, value: .integer(count($0))) }),
        ])
    }

    /// The JSON report's bytes: canonical (sorted keys, two-space indentation), so equal reports are byte-identical.
    public var jsonBytes: [UInt8] {
        JSONWriter(style: .canonical).bytes(jsonValue)
    }
}
