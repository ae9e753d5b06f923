extension RecordingDiff {
    /// Which OLD exchange pairs with which NEW one: first by equal matcher keys in recorded order, then the rest by
    /// method and route in recorded order. Linear in the number of exchanges.
    struct Pairing: Sendable {
        /// Indices into OLD and NEW.
        var pairs: [(old: Int, new: Int)] = []
        /// OLD indices without a counterpart.
        var gone: [Int] = []
        /// NEW indices without a counterpart.
        var added: [Int] = []

        init(oldKeys: [RequestMatcher.Key], newKeys: [RequestMatcher.Key]) {
            var pendingNew: [RequestMatcher.Key: [Int]] = [:]
            for (index, key) in newKeys.enumerated() { pendingNew[key, default: []].append(index) }
            var cursor: [RequestMatcher.Key: Int] = [:]
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

        /// Method and route only: `GET fetchTerm`.
        static func looseKey(_ key: RequestMatcher.Key) -> String { key.method + " " + key.route.description }
    }
}
