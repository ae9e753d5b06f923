import SuretyConformance
import SuretyEmulator
import SuretyHTTPCore
import SuretyJSON
import Testing

@Suite struct AuthorizationTests {
    let path = "/policy/{t}/policies/\(BuiltInFixtures.policyA1)/terms/list"

    @Test("no token answers 401 and an unknown token 401, in the problem shape")
    func unauthorized() throws {
        var client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        client.token = nil
        let missing = client.send(.get, path)
        #expect(missing.status == 401)
        #expect(missing.json["title"] == "Unauthorized")
        #expect(missing.json["violations"] == [])
        client.token = "nope"
        #expect(client.send(.get, path).status == 401)
    }

    @Test("a read-only token reads but gets 403 on a write, naming the permissions any one of which suffices")
    func missingPermission() throws {
        var client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        client.token = "surety-readonly"
        #expect(client.send(.get, path).status == 200)
        let write = client.send(.patch, "/policy/{t}/policies/\(BuiltInFixtures.policyA1)/change", "[]")
        #expect(write.status == 403)
        #expect(write.json["detail"] == "The token needs one of: policies.write.")
    }

    @Test("a token used on a tenant it does not hold answers 403")
    func otherTenant() throws {
        var client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        client.tenant = BuiltInFixtures.tenantB
        #expect(client.send(.get, "/policy/{t}/policies/\(BuiltInFixtures.policyB1)/terms/list").status == 403)
    }

    @Test("another tenant's locator answers 404 even to a token holding both tenants")
    func isolation() throws {
        var client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend())
        client.token = "surety-admin"
        client.tenant = BuiltInFixtures.tenantB
        #expect(client.send(.get, "/policy/{t}/policies/\(BuiltInFixtures.policyB1)/terms/list").status == 200)
        let foreign = client.send(.get, path)
        #expect(foreign.status == 404)
        #expect(foreign.json["detail"] == .string("No policy \(BuiltInFixtures.policyA1) in this tenant."))
        #expect(client.send(.patch, "/policy/{t}/policies/\(BuiltInFixtures.policyA1)/change", "[]").status == 404)
    }

    @Test("with noAuth any request acts as the anonymous user")
    func noAuth() throws {
        var client = EmulatorClient(backend: try EmulatorTestSupport.makeBackend(options: EmulatorOptions(noAuth: true)))
        client.token = nil
        let created = client.send(.patch, "/policy/{t}/policies/\(BuiltInFixtures.policyA1)/change", "[]")
        #expect(created.status == 200)
        #expect(created.json["createdBy"] == .string(EmulatorOptions().anonymousUser))
    }

    @Test("every endpoint of this part refuses a missing token and a foreign tenant before touching data")
    func everyEndpoint() throws {
        let backend = try EmulatorTestSupport.makeBackend()
        for endpoint in EmulatorTestSupport.contract.endpoints where backend.implementedEndpointIDs.contains(endpoint.id) {
            var path = endpoint.path.description.replacingOccurrences(of: "{tenantLocator}", with: "{t}")
            for parameter in endpoint.parameters(in: .path) where parameter.name != "tenantLocator" {
                path = path.replacingOccurrences(of: "{\(parameter.name)}", with: parameter.name == "termNumber" ? "1" : "01J6A00000000000000000ZZ01")
            }
            var client = EmulatorClient(backend: backend)
            client.token = nil
            let method = HTTPMethod(rawValue: endpoint.method)
            #expect(client.send(method, path).status == 401, "\(endpoint.id)")
            client.token = "surety-token"
            client.tenant = BuiltInFixtures.tenantB
            #expect(client.send(method, path).status == 403, "\(endpoint.id)")
        }
    }
}

@Suite struct EmulatorRoutingTests {
    @Test("handed the stack's routing, the emulator answers as when it routes itself")
    func handedRouting() throws {
        let path = "/policy/\(BuiltInFixtures.tenantA)/policies/\(BuiltInFixtures.policyA1)/terms/list"
        let request = HTTPRequest(target: path, headers: ["Authorization": "Bearer surety-token"])
        let backend = try EmulatorTestSupport.makeBackend()
        let own = backend.respondSynchronously(to: request)
        #expect(own.status.code == 200)
        #expect(backend.respondSynchronously(to: request, context: RequestContext(routing: EmulatorTestSupport.checker.route(request))) == own)
        let unknown = HTTPRequest(target: "/policy/nowhere")
        #expect(backend.respondSynchronously(to: unknown, context: RequestContext(routing: EmulatorTestSupport.checker.route(unknown))).status.code == 404)
    }
}
