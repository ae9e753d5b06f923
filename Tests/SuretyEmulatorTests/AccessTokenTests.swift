@testable import SuretyEmulator
import Testing

/// Which tenants a fixture token holds and which permissions it grants (`semantics.md` §4.5).
@Suite struct AccessTokenTests {
    func token(tenants: [String] = ["5A1C8A34-6A3C-4D55-9A57-2B1DE1F0A001"], permissions: [String]) -> AccessToken {
        AccessToken(token: "t", userLocator: "u", tenants: tenants, permissions: permissions)
    }

    @Test("a tenant is held whatever the case of its UUID, or through `*`; another tenant or a longer text is not")
    func tenants() {
        let held = token(permissions: [])
        #expect(held.holds(tenant: "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a001"))
        #expect(held.holds(tenant: "5A1C8A34-6A3C-4D55-9A57-2B1DE1F0A001"))
        #expect(!held.holds(tenant: "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a002"))
        #expect(!held.holds(tenant: "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a0011"))
        #expect(!held.holds(tenant: "5a1c8a34-6a3c-4d55-9a57-2b1de1f0a00"))
        #expect(!token(tenants: ["abc`"], permissions: []).holds(tenant: "ABC@"), "only letters are folded: @ is not `")
        #expect(token(tenants: ["*"], permissions: []).holds(tenant: "anything"))
        #expect(!token(tenants: [], permissions: []).holds(tenant: "anything"))
    }

    @Test("any one permission suffices: granted exactly, by its group's `.*`, or by `*`; nothing is granted for nothing asked")
    func permissions() {
        #expect(token(permissions: ["policy.transactions.write"]).grantsAny(of: ["policy.transactions.read", "policy.transactions.write"]))
        #expect(token(permissions: ["policy.*"]).grantsAny(of: ["policy.transactions.write"]))
        #expect(token(permissions: ["*"]).grantsAny(of: ["billing.installments.read"]))
        #expect(!token(permissions: ["*"]).grantsAny(of: []))
        #expect(!token(permissions: ["billing.*"]).grantsAny(of: ["policy.transactions.write"]))
        #expect(!token(permissions: ["policy.transactions.read"]).grantsAny(of: ["policy.transactions.write"]))
        #expect(!token(permissions: ["policy.transactions.*"]).grantsAny(of: ["policy.transactions.write"]), "only a group's `.*`")
        #expect(!token(permissions: ["polic.*"]).grantsAny(of: ["policy.transactions.write"]))
        #expect(token(permissions: ["admin.*"]).grantsAny(of: ["admin"]), "a permission without a dot is its own group")
        #expect(token(permissions: ["policy.*"]).grantsAny(of: [".policy.read"]), "leading dots are skipped, as a split skips them")
    }
}
