/// Levenshtein distance for "did you mean" suggestions.
public enum EditDistance {
    /// The number of single-character edits between two strings, compared case-insensitively.
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a.lowercased())
        let right = Array(b.lowercased())
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// The single closest candidate within `maxDistance` edits (ties: the first in sorted order), for option names and keys.
    public static func nearest(to name: String, among candidates: some Sequence<String>, maxDistance: Int) -> String? {
        candidates.sorted()
            .min { between(name, $0) < between(name, $1) }
            .flatMap { between(name, $0) <= maxDistance ? $0 : nil }
    }

    /// The one phrasing of every suggestion: `; did you mean a, b?`, or nothing when there is none.
    public static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
    }

    /// The candidates closest to `name` (within half its length), best first, ties in candidate order.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let threshold = max(2, name.count / 2)
        return ranked(name, candidates)
            .filter { $0.distance <= threshold || $0.name.lowercased().contains(name.lowercased()) }
            .prefix(limit)
            .map(\.name)
    }

    /// The `limit` candidates nearest to `name` however far they are, best first, ties in candidate order.
    public static func nearest(to name: String, among candidates: [String], limit: Int) -> [String] {
        ranked(name, candidates).prefix(limit).map(\.name)
    }

    static func ranked(_ name: String, _ candidates: [String]) -> [(distance: Int, order: Int, name: String)] {
        candidates.enumerated()
            .map { (distance: between(name, $0.element), order: $0.offset, name: $0.element) }
            .sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }
    }
}
