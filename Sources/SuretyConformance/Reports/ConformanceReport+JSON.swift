import SuretyJSON

extension ConformanceReport {
    /// The report format's version, the `surety` member of every JSON report.
    public static let jsonFormat = "conformance-report/1"

    /// The report as JSON; with the canonical writer the same run gives the same bytes. Timings are left out
    /// unless asked for, and then kept in their own `timings` member.
    public func jsonValue(includingTimings: Bool = false) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "surety", value: .string(Self.jsonFormat)),
            JSONMember(key: "backend", value: .string(backend)),
            JSONMember(key: "seed", value: .number(JSONNumber(literal: String(seed)))),
            JSONMember(key: "tenant", value: .string(tenant)),
            JSONMember(key: "strict", value: .bool(strict)),
            JSONMember(key: "negativeProbes", value: .array(negativeProbes.map { .string($0.rawValue) })),
            JSONMember(key: "scenarios", value: .array(scenarios.map { .string($0) })),
            JSONMember(key: "summary", value: summaryJSON),
            JSONMember(key: "results", value: .array(results.map { Self.json($0, backend: backend) })),
            JSONMember(key: "coverage", value: Self.json(coverage)),
        ]
        if let reach {
            members.append(JSONMember(key: "reach", value: .array(reach.endpoints.map { entry in
                .object(["endpoint": .string(entry.id), "inScope": .bool(entry.inScope), "reached": .bool(entry.reached), "how": .string(entry.how)])
            })))
        }
        if !notes.isEmpty { members.append(JSONMember(key: "notes", value: .array(notes.map { .string($0) }))) }
        if includingTimings {
            members.append(JSONMember(key: "timings", value: .object([
                "totalNanoseconds": .number(JSONNumber(literal: String(nanoseconds))),
                "checkNanoseconds": .array(results.map { .number(JSONNumber(literal: String($0.nanoseconds))) }),
            ])))
        }
        return .object(members)
    }

    /// The canonical JSON bytes of ``jsonValue(includingTimings:)``.
    public func jsonBytes(includingTimings: Bool = false) -> [UInt8] {
        JSONWriter(style: .canonical).bytes(jsonValue(includingTimings: includingTimings))
    }

    var summaryJSON: JSONValue {
        .object([
            "conforms": .bool(conforms),
            "checks": .integer(results.count),
            "passed": .integer(passedCount),
            "failed": .integer(failures.count),
            "unreached": .integer(unreachedCount),
            "skipped": .integer(skippedCount),
            "reached": reach.map { reach in
                .object(["inScope": .integer(reach.inScopeCount), "reached": .integer(reach.reachedCount), "required": .integer(reach.requiredCount)])
            } ?? .null,
            "reachProblem": reachProblem.map { .string($0) } ?? .null,
            "violations": .integer(violationCount),
            "warnings": .integer(warningCount),
            "endpoints": .object([
                "total": .integer(coverage.endpoints.count),
                "exercised": .integer(coverage.exercisedCount),
                "answeredDocumentedStatus": .integer(coverage.documentedStatusCount),
            ]),
        ])
    }

    static func json(_ result: CheckResult, backend: String) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "check", value: .string(result.name)),
            JSONMember(key: "endpoint", value: result.endpointID.map(JSONValue.string) ?? .null),
            JSONMember(key: "method", value: .string(result.method)),
            JSONMember(key: "target", value: .string(result.target)),
            JSONMember(key: "passed", value: .bool(result.outcome == .passed)),
            JSONMember(key: "outcome", value: .string(result.outcome.rawValue)),
        ]
        if let scenario = result.scenarioName { members.append(JSONMember(key: "scenario", value: .string(scenario))) }
        if let file = result.recordingFile { members.append(JSONMember(key: "recording", value: .string(file))) }
        if let status = result.status { members.append(JSONMember(key: "status", value: .integer(status))) }
        if let skipped = result.skipped { members.append(JSONMember(key: "skipped", value: .string(skipped))) }
        if let unreached = result.unreached { members.append(JSONMember(key: "unreached", value: .string(unreached))) }
        if result.outcome == .failed || result.outcome == .unreached, let exchange = result.exchange {
            members.append(JSONMember(key: "exchange", value: json(exchange, backend: backend)))
        }
        if !result.violations.isEmpty {
            members.append(JSONMember(key: "violations", value: .array(result.violations.map(json))))
        }
        if !result.requestViolations.isEmpty {
            members.append(JSONMember(key: "requestViolations", value: .array(result.requestViolations.map(json))))
        }
        return .object(members)
    }

    /// What a report shows of an exchange: the request (credentials redacted) and the response, bodies bounded.
    static func json(_ exchange: ExchangeRecord, backend: String) -> JSONValue {
        .object([
            "curl": .string(exchange.curl(baseURL: backend.hasPrefix("http") ? backend : "$SURETY_BASE_URL")),
            "request": .object([
                "method": .string(exchange.method), "target": .string(exchange.target),
                "headers": .array(exchange.requestHeaders.map { .array([.string($0.name), .string($0.value)]) }),
                "body": exchange.requestBody.map { .string($0) } ?? .null,
            ]),
            "response": .object(["status": .integer(exchange.status), "body": exchange.responseBody.map { .string($0) } ?? .null]),
        ])
    }

    /// A violation with its severity and, when it has one, its place in the contract.
    static func json(_ violation: Violation) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "severity", value: .string(violation.severity.rawValue)),
            JSONMember(key: "in", value: .string(violation.part.rawValue)),
            JSONMember(key: "pointer", value: .string(violation.pointer.description)),
            JSONMember(key: "rule", value: .string(violation.rule.rawValue)),
            JSONMember(key: "expected", value: .string(violation.expected)),
            JSONMember(key: "actual", value: .string(violation.actual)),
        ]
        if let schemaPath = violation.schemaPath { members.append(JSONMember(key: "schemaPath", value: .string(schemaPath))) }
        if !violation.issues.isEmpty { members.append(JSONMember(key: "issues", value: .array(violation.issues.map(json)))) }
        return .object(members)
    }

    static func json(_ coverage: Coverage) -> JSONValue {
        .object([
            "endpoints": .array(coverage.endpoints.map { endpoint in
                .object([
                    "id": .string(endpoint.id),
                    "statuses": .array(endpoint.statuses.map { .integer($0) }),
                    "answeredDocumentedStatus": .bool(endpoint.answeredDocumentedStatus),
                ])
            }),
            "optionalProperties": .object([
                "total": .integer(coverage.optionalPropertyCount),
                "neverObserved": .integer(coverage.neverObservedPropertyCount),
                "schemas": .array(coverage.schemas.map { schema in
                    .object([
                        "schema": .string(schema.name),
                        "observed": .bool(schema.observed),
                        "optional": .integer(schema.optionalProperties.count),
                        "neverObserved": .array(schema.neverObserved.map { .string($0) }),
                    ])
                }),
            ]),
            "enums": .object([
                "total": .integer(coverage.enumValueCount),
                "neverObserved": .integer(coverage.neverObservedValueCount),
                "properties": .array(coverage.enums.map { item in
                    .object([
                        "property": .string(item.key),
                        "values": .integer(item.values.count),
                        "neverObserved": .array(item.neverObserved.map { .string($0) }),
                    ])
                }),
            ]),
        ])
    }
}
