import SuretyConformance
import SuretyHTTPCore
import SuretyJSON

/// The admin routes of the run-time stubs: `POST /__surety/stubs` pins one (refused with its violations when its
/// answer breaks the contract, unless `"allowInvalid": true`), `GET` lists them, `DELETE` removes one (`?id=N`) or all.
public enum StubRoutes {
    /// The routes over `board`, judging stubs with `checker`.
    public static func routes(board: StubBoard, checker: ExchangeChecker) -> [String: AdminContext.Handler] {
        [
            "POST /__surety/stubs": { request in
                let stub: Stub
                do throws(Stub.ReadError) { stub = try Stub(bytes: request.body, file: "request body") } catch {
                    return notRead(error.diagnostics)
                }
                let violations = StubCheck.violations(of: stub, checker: checker)
                if !violations.isEmpty && !stub.allowInvalid {
                    return json(.object(["title": "Stub breaks the contract", "status": 422,
                                         "detail": .string("Send \"allowInvalid\": true to pin it anyway (a broken backend)."),
                                         "violations": .array(violations.map(JSONValue.string))]), status: 422)
                }
                guard let id = board.pin(stub) else {
                    return Problem(status: .conflict, title: "Too many stubs", detail: "At most \(StubBoard.maxStubs) stubs are pinned at once.").response
                }
                return json(stub.jsonValue(id: id, remaining: stub.times), status: 201)
            },
            "GET /__surety/stubs": { _ in
                json(.object(["stubs": .array(board.pinned.map { $0.stub.jsonValue(id: $0.id, remaining: $0.remaining) })]), status: 200)
            },
            "DELETE /__surety/stubs": { request in
                guard let text = request.queryItems.last(where: { $0.name == "id" })?.value else {
                    board.removeAll()
                    return json(.object(["removed": "all"]), status: 200)
                }
                guard let id = Int(text), board.remove(id: id) else {
                    return Problem(status: .notFound, title: "No such stub", detail: "No stub has id \(text.prefix(20)).").response
                }
                return json(.object(["removed": .integer(id)]), status: 200)
            },
        ]
    }

    /// The most problems a 400 lists; the rest are counted in `problemsNotListed`, so the answer stays small.
    public static let maxListedProblems = 100

    /// The 400 for a stub that cannot be read: the error shape, with every problem's line, column, pointer and message.
    static func notRead(_ diagnostics: [Diagnostic]) -> HTTPResponse {
        let counted = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        var body = Problem(status: .badRequest, title: "Stub not read",
                           detail: "The body is not a stub document (docs/serving.md): \(counted), each in problems.").jsonValue
        guard case .object(var members) = body else { return json(body, status: 400) }
        members.append(JSONMember(key: "problems", value: .array(diagnostics.prefix(maxListedProblems).map { diagnostic in
            var problem: [JSONMember] = []
            if let position = diagnostic.position {
                problem.append(JSONMember(key: "line", value: .integer(position.line)))
                problem.append(JSONMember(key: "column", value: .integer(position.column)))
            }
            problem.append(JSONMember(key: "pointer", value: .string(Stub.bounded(diagnostic.pointer?.description ?? ""))))
            problem.append(JSONMember(key: "message", value: .string(Stub.bounded(diagnostic.message))))
            return .object(problem)
        })))
        if diagnostics.count > maxListedProblems {
            members.append(JSONMember(key: "problemsNotListed", value: .integer(diagnostics.count - maxListedProblems)))
        }
        body = .object(members)
        return json(body, status: 400)
    }

    static func json(_ value: JSONValue, status: Int) -> HTTPResponse {
        HTTPResponse(status: HTTPStatus(code: status), contentType: "application/json", body: JSONWriter(style: .compact).bytes(value))
    }
}
