import SuretyHTTPCore

/// Recordings indexed by their match key: a dictionary from key to the recordings with that key, in recorded order.
///
/// A lookup hashes the request's key once and reads one bucket, so its cost does not grow with the number of
/// recordings. Each bucket has a cursor: recordings of one key are served in recorded order, then the last repeats
/// (or, with ``Repetition/cycle``, the first comes again). Safe to share between tasks; only the cursors are locked.
public final class ReplayIndex: Sendable {
    /// What a bucket serves once every recording of its key has been served.
    public enum Repetition: String, Sendable, CaseIterable {
        /// Keep serving the last recording.
        case repeatLast = "repeat-last"
        /// Start again from the first.
        case cycle
    }

    /// The recordings, in recorded order: what replay keeps of each (its file and its response).
    public let recordings: [ReplayRecording]
    /// The key of each recording, by position in ``recordings``.
    public let keys: [RequestMatcher.Key]
    /// What a bucket serves after its last recording.
    public let repetition: Repetition
    /// The matcher that made the keys; requests must be keyed by it too.
    public let matcher: RequestMatcher
    private let buckets: [RequestMatcher.Key: Int]
    private let members: [[Int]]
    /// Bucket numbers by route, in recorded order of each bucket's first recording, for near-miss reports.
    let bucketsByRoute: [RequestMatcher.Key.Route: [Int]]
    private let cursors: Locked<[Int]>

    /// Keys every recording with `matcher` and builds the index.
    public convenience init(recordings: [StoredExchange], matcher: RequestMatcher, repetition: Repetition = .repeatLast) {
        self.init(recordings: recordings.map(ReplayRecording.init), keys: matcher.keys(for: recordings), matcher: matcher,
                  repetition: repetition)
    }

    /// Builds the index over recordings already keyed by `matcher` (`keys[i]` is the key of `recordings[i]`).
    public init(recordings: [ReplayRecording], keys: [RequestMatcher.Key], matcher: RequestMatcher, repetition: Repetition = .repeatLast) {
        precondition(recordings.count == keys.count, "one key per recording")
        self.recordings = recordings
        self.matcher = matcher
        self.repetition = repetition
        self.keys = keys
        var buckets: [RequestMatcher.Key: Int] = [:]
        var members: [[Int]] = []
        var byRoute: [RequestMatcher.Key.Route: [Int]] = [:]
        buckets.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            if let bucket = buckets[key] {
                members[bucket].append(position)
            } else {
                buckets[key] = members.count
                byRoute[key.route, default: []].append(members.count)
                members.append([position])
            }
        }
        self.buckets = buckets
        self.members = members
        self.bucketsByRoute = byRoute
        self.cursors = Locked(Array(repeating: 0, count: members.count))
    }

    /// The number of distinct keys.
    public var bucketCount: Int { members.count }

    /// The recording that answers `key` now, advancing that key's cursor; nil when no recording has the key.
    public func next(for key: RequestMatcher.Key) -> ReplayRecording? {
        guard let bucket = buckets[key] else { return nil }
        let list = members[bucket]
        let position = cursors.withLock { cursors -> Int in
            let turn = cursors[bucket]
            cursors[bucket] += 1
            switch repetition {
            case .repeatLast: return list[min(turn, list.count - 1)]
            case .cycle: return list[turn % list.count]
            }
        }
        return recordings[position]
    }

    /// The recordings of one bucket, in recorded order.
    func bucket(_ number: Int) -> [Int] { members[number] }

    /// Every bucket number, in order of creation.
    var allBuckets: Range<Int> { members.indices }

    /// Sets every cursor back to the first recording (between test runs against one server).
    public func rewind() {
        cursors.withLock { cursors in
            for index in cursors.indices { cursors[index] = 0 }
        }
    }
}
