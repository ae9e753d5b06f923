import SuretyConformance
import SuretyHTTPCore
import SuretyJSON
import SuretySchemas

/// Why no recording matched a request: the closest recordings (same endpoint first) and exactly what differed.
public struct NearMissReport: Sendable, Hashable {
    /// One close recording.
    public struct Candidate: Sendable, Hashable {
        /// The recording's file, relative to the recordings folder.
        public var file: String
        /// The recording's key.
        public var key: RequestMatcher.Key
        /// What differs, recorded against requested: at most ``ReplayIndex/maxDifferencesPerCandidate``.
        public var differences: [KeyDifference]
        /// Whether more differences were found than are listed.
        public var truncated: Bool = false
    }

    /// The request, `METHOD target`, bounded.
    public var request: String
    /// The request's key.
    public var key: RequestMatcher.Key
    /// The closest recordings, closest first.
    public var candidates: [Candidate]

    /// The report in words: the request, then each candidate with its differences.
    public var text: String {
        var lines = ["\(request) matches no recording (key: \(ValidationIssue.bounded(key.description, limit: 200)))."]
        if candidates.isEmpty { lines.append("There are no recordings to compare with.") }
        for (number, candidate) in candidates.enumerated() {
            let more = candidate.truncated ? "; … (more differences not listed)" : ""
            lines.append("\(number + 1). \(candidate.file): " + candidate.differences.map(\.description).joined(separator: "; ") + more)
        }
        return lines.joined(separator: "\n")
    }

    /// The candidates as the `nearMisses` member of the 404: `[{"file", "differences": [...]}]`.
    public var jsonValue: JSONValue {
        .array(candidates.map { candidate in
            var members: [JSONMember] = [JSONMember(key: "file", value: .string(candidate.file)),
                                         JSONMember(key: "differences", value: .array(candidate.differences.map(\.jsonValue)))]
            if candidate.truncated { members.append(JSONMember(key: "truncated", value: true)) }
            return .object(members)
        })
    }

    /// The 404 in the project's error shape, the report in `detail`.
    public var problem: Problem {
        Problem(status: .notFound, title: "No recording matches the request", detail: text)
    }

    /// The 404 response: ``problem`` with one more member, `nearMisses`, holding ``jsonValue``.
    public var response: HTTPResponse {
        guard case .object(var members) = problem.jsonValue else { return problem.response }
        members.append(JSONMember(key: "nearMisses", value: jsonValue))
        return HTTPResponse(status: .notFound, contentType: "application/json", body: JSONWriter(style: .compact).bytes(.object(members)))
    }
}

extension ReplayIndex {
    /// The most candidates a near-miss report lists.
    public static let nearMissCount = 3
    /// The most buckets compared for one near-miss report, so an unmatched request costs a bounded time.
    public static let maxNearMissComparisons = 5_000
    /// The most differences a near-miss candidate lists: the comparison stops one past it, so neither the report nor
    /// the memory of building it grows with the request body or the recordings.
    public static let maxDifferencesPerCandidate = 10

    /// Compares `key` with the recordings of its endpoint first, then with others, and keeps the closest.
    public func nearMisses(for key: RequestMatcher.Key, request: String) -> NearMissReport {
        var scored: [(penalty: Int, differences: [KeyDifference], first: Int)] = []
        var compared = 0
        func consider(_ bucket: Int, penalty: Int) {
            guard compared < Self.maxNearMissComparisons else { return }
            compared += 1
            let first = self.bucket(bucket)[0]
            scored.append((penalty, keys[first].differences(to: key, limit: Self.maxDifferencesPerCandidate + 1), first))
        }
        let sameRoute = bucketsByRoute[key.route] ?? []
        for bucket in sameRoute { consider(bucket, penalty: 0) }
        if sameRoute.count < Self.nearMissCount {
            for bucket in allBuckets where keys[self.bucket(bucket)[0]].route != key.route {
                consider(bucket, penalty: keys[self.bucket(bucket)[0]].method == key.method ? 1 : 2)
            }
        }
        // Same endpoint first, then same method; fewest differences first; recorded order breaks ties.
        let closest = scored.sorted { ($0.penalty, $0.differences.count, $0.first) < ($1.penalty, $1.differences.count, $1.first) }
            .prefix(Self.nearMissCount)
        let candidates = closest.map { entry in
            NearMissReport.Candidate(file: recordings[entry.first].file, key: keys[entry.first],
                                     differences: Array(entry.differences.prefix(Self.maxDifferencesPerCandidate)),
                                     truncated: entry.differences.count > Self.maxDifferencesPerCandidate)
        }
        return NearMissReport(request: request, key: key, candidates: Array(candidates))
    }
}
