import SuretyJSON

extension RequestMatcher.Key {
    /// Every way this (recorded) key differs from `requested`, up to `limit` of them (the walk stops there, so a
    /// huge body costs no more than `limit` differences): empty exactly when the keys are equal.
    public func differences(to requested: RequestMatcher.Key, limit: Int = .max) -> [KeyDifference] {
        var result: [KeyDifference] = []
        if method != requested.method { result.append(.method(recorded: method, requested: requested.method)) }
        guard route == requested.route else {
            // Another endpoint's parameters and body say nothing useful about this one.
            return result + [.route(recorded: route.description, requested: requested.route.description)]
        }
        for (name, recorded, asked) in Self.grouped(pathParameters, requested.pathParameters) where recorded != asked {
            result.append(.pathParameter(name: name, recorded: recorded.first ?? nil, requested: asked.first ?? nil))
        }
        for (name, recorded, asked) in Self.grouped(query, requested.query) where recorded != asked {
            result.append(.queryParameter(name: name, recorded: recorded, requested: asked))
        }
        for (name, recorded, asked) in Self.grouped(headers, requested.headers) where recorded != asked {
            result.append(.header(name: name, recorded: recorded, requested: asked))
        }
        switch (body, requested.body) {
        case let (.json(recorded), .json(asked)): Self.compare(recorded, asked, at: .root, limit: limit, into: &result)
        case let (recorded, asked) where recorded != asked: result.append(.bodyKind(recorded: recorded.kind, requested: asked.kind))
        default: break
        }
        return Array(result.prefix(limit))
    }

    /// Pairs' values by name over both lists, names sorted.
    private static func grouped(_ recorded: [Pair], _ requested: [Pair]) -> [(String, [String?], [String?])] {
        var table: [String: ([String?], [String?])] = [:]
        for pair in recorded { table[pair.name, default: ([], [])].0.append(pair.value) }
        for pair in requested { table[pair.name, default: ([], [])].1.append(pair.value) }
        return table.keys.sorted().map { ($0, table[$0]!.0, table[$0]!.1) }
    }

    /// Compares two normalised JSON values, descending into objects and arrays to name each differing pointer.
    private static func compare(_ recorded: JSONValue, _ requested: JSONValue, at pointer: JSONPointer, limit: Int,
                                into result: inout [KeyDifference]) {
        guard result.count < limit else { return }
        switch (recorded, requested) {
        case let (.object(left), .object(right)):
            let leftValues = Dictionary(left.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            let rightValues = Dictionary(right.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
            for key in Set(leftValues.keys).union(rightValues.keys).sorted() where result.count < limit {
                switch (leftValues[key], rightValues[key]) {
                case let (left?, right?): compare(left, right, at: pointer.appending(key), limit: limit, into: &result)
                case let (left, right): result.append(.body(pointer: pointer.appending(key), recorded: left, requested: right))
                }
            }
        case let (.array(left), .array(right)):
            for index in 0..<max(left.count, right.count) where result.count < limit {
                let recordedElement: JSONValue? = index < left.count ? left[index] : Optional.none
                let requestedElement: JSONValue? = index < right.count ? right[index] : Optional.none
                switch (recordedElement, requestedElement) {
                case let (left?, right?): compare(left, right, at: pointer.appending(index), limit: limit, into: &result)
                case let (left, right): result.append(.body(pointer: pointer.appending(index), recorded: left, requested: right))
                }
            }
        default:
            if recorded != requested { result.append(.body(pointer: pointer, recorded: recorded, requested: requested)) }
        }
    }
}
