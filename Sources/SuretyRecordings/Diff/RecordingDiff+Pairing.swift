extension RecordingDiff {
    /// Which OLD exchange pairs with which NEW one: first by equal matcher keys and kinds of credentials in recorded
    /// order, then the rest by method, route and kind of credentials in recorded order. Linear in the number of exchanges.
    struct Pairing: Sendable {
        /// A matcher key with the kind of credentials the request carried.
        struct Key: Hashable {
            var request: RequestMatcher.Key
            var credentials: CredentialKind
        }

        /// Indices into OLD and NEW.
        var pairs: [(old: Int, new: Int)] = []
        /// OLD indices without a counterpart.
        var gone: [Int] = []
        /// NEW indices without a counterpart.
        var added: [Int] = []

        init(oldKeys: [Key], newKeys: [Key]) {
            var pendingNew: [Key: [Int]] = [:]
            for (index, key) in newKeys.enumerated() { pendingNew[key, default: []].append(index) }
            var cursor: [Key: Int] = [:]
            var pairedNew = [Bool](repeating: false, count: newKeys.count)
            var unpairedOld: [Int] = []
            for (index, key) in oldKeys.enumerated() {
                let position = cursor[key, default: 0]
                if let candidates = pendingNew[key], position < candidates.count {
                    pairs.append((index, candidates[position]))
                    pairedNew[candidates[position]] = true
                    cursor[key] = position + 1
                } else {
                    unpairedOld.append(index)
                }
            }
            var looseNew: [String: [Int]] = [:]
            for index in newKeys.indices where !pairedNew[index] { looseNew[Self.looseKey(newKeys[index]), default: []].append(index) }
            var looseCursor: [String: Int] = [:]
            for index in unpairedOld {
                let key = Self.looseKey(oldKeys[index])
                let position = looseCursor[key, default: 0]
                if let candidates = looseNew[key], position < candidates.count {
                    pairs.append((index, candidates[position]))
                    pairedNew[candidates[position]] = true
                    looseCursor[key] = position + 1
                } else {
                    gone.append(index)
                }
            }
            added = newKeys.indices.filter { !pairedNew[$0] }
            pairs.sort { $0.old < $1.old }
        }

        /// Method, route and kind of credentials only: `GET fetchTerm token`.
        static func looseKey(_ key: Key) -> String {
            key.request.method + " " + key.request.route.description + " " + key.credentials.rawValue
        }
    }
}
