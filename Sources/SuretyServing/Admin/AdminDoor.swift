import Foundation
import SuretyConformance
import SuretyHTTPCore

/// Who may use the admin routes that change or reveal server state: a bearer credential judged by the mode.
///
/// Only `GET /__surety/health` (``openRoutes``) stays open; every other route under `/__surety/` needs
/// `Authorization: Bearer <credential>`: a missing or unknown one is answered 401, a known token without the admin
/// permission 403.
public struct AdminDoor: Sendable {
    /// What the door makes of a presented credential.
    public enum Verdict: Sendable, Equatable {
        /// The credential opens the door.
        case admitted
        /// No such credential.
        case unknown
        /// A known credential that does not hold the admin permission.
        case notAdmin
    }

    /// The admin routes anyone may ask, `METHOD /path`: the health route reveals no secret and no tenant's data.
    public static let openRoutes: Set<String> = ["GET /__surety/health"]
    /// The length of a generated admin token's random part, in hexadecimal digits (128 bits).
    public static let generatedTokenHexDigits = 32

    private let judge: @Sendable (String) -> Verdict

    /// A door that judges each presented credential with `judge`.
    public init(judge: @escaping @Sendable (String) -> Verdict) {
        self.judge = judge
    }

    /// A door that one credential opens.
    public static func token(_ credential: String) -> AdminDoor {
        AdminDoor { presented in AdminDoor.sameBytes(presented, credential) ? .admitted : .unknown }
    }

    /// A door that this one or `other` opens (the emulator's admin tokens, and `--admin-token` when given).
    public func or(_ other: AdminDoor) -> AdminDoor {
        AdminDoor { presented in
            let verdicts = [self.judge(presented), other.judge(presented)]
            if verdicts.contains(.admitted) { return .admitted }
            return verdicts.contains(.notAdmin) ? .notAdmin : .unknown
        }
    }

    /// A fresh random admin token, `surety-admin-` and ``generatedTokenHexDigits`` hexadecimal digits.
    public static func generateToken() -> String {
        var random = SystemRandomNumberGenerator()
        let digits = (0..<generatedTokenHexDigits).map { _ in String(random.next(upperBound: UInt8(16)), radix: 16) }
        return "surety-admin-" + digits.joined()
    }

    /// Nil when the request may use the admin route it asks for, else the 401 or 403 to answer.
    public func refusal(of request: HTTPRequest, route: String) -> HTTPResponse? {
        if Self.openRoutes.contains(route) { return nil }
        guard let header = request.headers["Authorization"], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            return Problem(status: .unauthorized, title: "Admin credential required",
                           detail: "Surety's admin routes need Authorization: Bearer <admin token> (see docs/security.md).").response
        }
        switch judge(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)) {
        case .admitted: return nil
        case .unknown:
            return Problem(status: .unauthorized, title: "Unknown admin credential",
                           detail: "The bearer token does not open Surety's admin routes.").response
        case .notAdmin:
            return Problem(status: .forbidden, title: "Not an admin token",
                           detail: "The token does not hold the admin permission (surety.admin).").response
        }
    }

    /// Compares in time that depends on the lengths only, so the answer's timing does not reveal a prefix.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
