import Foundation
import SuretyConformance
import SuretyContracts
import SuretyHTTPCore
import SuretyJSON
import SuretyTestSupport
@testable import SuretyRecordings

/// The repository's contract, loaded once: found by walking up from this file (symbolic links resolved).
enum TestContract {
    static var checker: ExchangeChecker { TestRepository.checker }
}

/// Values that route in the contract.
enum Sample {
    static let tenant = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    static let policy = "01HZY3K5Q8M2N4P6R8T0V2X4Z6"
    static let transaction = "01HZY3K5Q8M2N4P6R8T0V2X4Z7"

    /// `GET …/policies/{policy}/terms/list` with a query.
    static func termsList(_ query: String = "offset=0&count=10", headers: HTTPFields = [:]) -> HTTPRequest {
        HTTPRequest(method: .get, target: "/policy/\(tenant)/policies/\(policy)/terms/list" + (query.isEmpty ? "" : "?" + query), headers: headers)
    }

    /// `PUT …/transactions/{transaction}/elements` with a JSON body.
    static func addElements(_ json: String, transaction: String = transaction) -> HTTPRequest {
        HTTPRequest(method: .put, target: "/policy/\(tenant)/transactions/\(transaction)/elements",
                    headers: ["Content-Type": "application/json"], body: Array(json.utf8))
    }

    /// A JSON response.
    static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: HTTPStatus(code: status), jsonText: text)
    }

    /// An exchange judged by the contract.
    static func exchange(_ request: HTTPRequest, _ response: HTTPResponse = json(#"{"ok":true}"#)) -> Exchange {
        Exchange(request: request, response: response, checker: TestContract.checker,
                 timing: Exchange.Timing(startedAt: Date(timeIntervalSince1970: 1_738_315_800.123), milliseconds: 12.5))
    }
}

/// A fresh folder under the system's temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async rethrows -> T {
    let path = NSTemporaryDirectory() + "surety-recordings-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Every regular file under `path`, relative, sorted.
func filesUnder(_ path: String) -> [String] {
    (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
        .filter { !RecordingStore.isDirectory(path + "/" + $0) }.sorted()
}

/// The bytes of a file.
func bytes(of path: String) -> [UInt8] {
    Array(FileManager.default.contents(atPath: path) ?? Data())
}

/// Writes text to a file, creating its folder.
func write(_ text: String, to path: String) {
    try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

/// The issues reading `text` as a recording file reports; empty when it reads.
func issuesReading(_ text: String, as file: String) -> [RecordingIssue] {
    do {
        _ = try Exchange(fileBytes: Array(text.utf8), file: file)
        return []
    } catch {
        return error.issues
    }
}
