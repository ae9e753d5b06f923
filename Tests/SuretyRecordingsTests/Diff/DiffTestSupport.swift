import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
@testable import SuretyRecordings

/// The diff suites' small contract (`DiffCases/contract`), their golden files, and exchange builders.
enum DiffFixture {
    /// `Tests/SuretyRecordingsTests/DiffCases`, found from this file.
    static let casesFolder: String = {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DiffCases").path
    }()

    static let contract: Contract = {
        do {
            return try ContractLoader().load(directory: casesFolder + "/contract").0
        } catch {
            fatalError("DiffCases/contract does not load: \(error)")
        }
    }()

    static let checker = ExchangeChecker(contract: contract)

    static let policyA = "01HZY3K5Q8M2N4P6R8T0V2X4Z6"
    static let policyB = "01HZY3K5Q8M2N4P6R8T0V2X4Z7"
    static let newPolicyA = "01J0000000000000000000000A"
    static let newPolicyB = "01J0000000000000000000000B"

    /// A policy body: every required property, plus `extra` members appended.
    static func policy(_ locator: String, name: String = "Alice", state: String = "active", createdAt: String = "2025-01-31T09:30:00Z",
                       extra: String = "") -> String {
        #"{"locator":"\#(locator)","name":"\#(name)","state":"\#(state)","createdAt":"\#(createdAt)","premium":120.5\#(extra)}"#
    }

    /// `GET /policies/{locator}` answered with `body` (JSON) and `status`.
    static func fetch(_ locator: String, _ body: String, status: Int = 200, contentType: String = "application/json") -> Exchange {
        exchange(HTTPRequest(method: .get, target: "/policies/\(locator)"), body, status: status, contentType: contentType)
    }

    /// `GET /policies` answered with `body`.
    static func list(_ body: String, status: Int = 200) -> Exchange {
        exchange(HTTPRequest(method: .get, target: "/policies"), body, status: status)
    }

    static func exchange(_ request: HTTPRequest, _ body: String, status: Int = 200, contentType: String = "application/json") -> Exchange {
        let response = HTTPResponse(status: HTTPStatus(code: status), headers: ["Content-Type": contentType], body: Array(body.utf8))
        return Exchange(request: request, response: response, checker: checker,
                        timing: Exchange.Timing(startedAt: Date(timeIntervalSince1970: 1_738_315_800), milliseconds: 5))
    }

    /// Stored exchanges named `old/1.json`, `old/2.json`… in order.
    static func stored(_ exchanges: [Exchange], side: String) -> [StoredExchange] {
        exchanges.enumerated().map { StoredExchange(file: "\(side)/\($0.offset + 1).json", sequence: $0.offset + 1, exchange: $0.element) }
    }

    /// The report of diffing two lists of exchanges with the fixture contract.
    static func diff(_ old: [Exchange], _ new: [Exchange], options: RecordingDiff.Options = .init()) -> DiffReport {
        RecordingDiff(contract: contract, options: options).compare(old: stored(old, side: "old"), new: stored(new, side: "new"))
    }

    /// The rules that fired, with their locations, in report order: `required-property-removed body /name`.
    static func findings(_ old: [Exchange], _ new: [Exchange], options: RecordingDiff.Options = .init()) -> [String] {
        diff(old, new, options: options).differences.map { "\($0.rule.rawValue) \($0.location)" }
    }

    /// The golden file `DiffCases/golden/<name>`, for `GoldenFile.expect`.
    static func golden(_ name: String) -> String {
        casesFolder + "/golden/" + name
    }
}
