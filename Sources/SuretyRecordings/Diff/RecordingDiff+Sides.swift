extension RecordingDiff {
    /// The pairing keys of both recordings, and the report entries of exchanges found on one side only.
    struct Sides {
        /// One exchange's report entry with the order it sorts by (endpoint, request, OLD index, NEW index).
        typealias Result = (order: (String, String, Int, Int), diff: ExchangeDiff)

        let old: [StoredExchange]
        let new: [StoredExchange]
        /// OLD's keys, in order.
        let oldKeys: [Pairing.Key]
        /// NEW's keys, in order.
        let newKeys: [Pairing.Key]
        /// Whether the recordings mix kinds of credentials, so request descriptions name the kind.
        let mixesCredentials: Bool

        init(old: [StoredExchange], new: [StoredExchange], matcher: RequestMatcher) {
            self.old = old
            self.new = new
            let oldKinds = CredentialKind.classify(old.map(\.exchange.request))
            let newKinds = CredentialKind.classify(new.map(\.exchange.request))
            oldKeys = zip(matcher.keys(for: old), oldKinds).map { Pairing.Key(request: $0.0, credentials: $0.1) }
            newKeys = zip(matcher.keys(for: new), newKinds).map { Pairing.Key(request: $0.0, credentials: $0.1) }
            mixesCredentials = Set(oldKinds + newKinds).count > 1
        }

        /// The key's description, with its kind of credentials when the recordings mix kinds.
        func describe(_ key: Pairing.Key) -> String {
            mixesCredentials ? key.request.description + " (credentials: \(key.credentials.rawValue))" : key.request.description
        }

        /// `exchange-gone` and `exchange-new` entries, and one `endpoint-gone` per endpoint NEW has no exchange of
        /// (per route, unrouted paths included, when NEW has no exchange at all).
        func oneSided(gone: [Int], added: [Int]) -> [Result] {
            var results: [Result] = []
            let newRoutes = Set(newKeys.map(\.request.route))
            var goneRoutes: [RequestMatcher.Key.Route: [Int]] = [:]
            for index in gone {
                let route = oldKeys[index].request.route
                if case .endpoint = route, !newRoutes.contains(route) { goneRoutes[route, default: []].append(index) } else if new.isEmpty {
                    goneRoutes[route, default: []].append(index)
                } else {
                    let difference = Difference(rule: .exchangeGone, part: .exchange, old: "status \(old[index].exchange.response.status)", new: "absent")
                    results.append(entry(index, -1, oldKeys[index], oldFile: old[index].file, newFile: nil, difference))
                }
            }
            for (route, indices) in goneRoutes {
                let first = indices[0], all = indices.count
                let difference = Difference(rule: .endpointGone, part: .exchange, old: "\(all) exchange\(all == 1 ? "" : "s")", new: "absent")
                let diff = ExchangeDiff(endpoint: route.description, request: "every request of \(route.description)", oldFile: old[first].file,
                                        newFile: nil, differences: [difference])
                results.append(((diff.endpoint, diff.request, first, -1), diff))
            }
            for index in added {
                let difference = Difference(rule: .exchangeNew, part: .exchange, old: "absent", new: "status \(new[index].exchange.response.status)")
                results.append(entry(Int.max, index, newKeys[index], oldFile: nil, newFile: new[index].file, difference))
            }
            return results
        }

        private func entry(_ oldIndex: Int, _ newIndex: Int, _ key: Pairing.Key, oldFile: String?, newFile: String?, _ difference: Difference) -> Result {
            let diff = ExchangeDiff(endpoint: key.request.route.description, request: describe(key), oldFile: oldFile, newFile: newFile,
                                    differences: [difference])
            return ((diff.endpoint, diff.request, oldIndex, newIndex), diff)
        }
    }
}
