import SuretyJSON

/// Makes the members of one generated object agree with each other, as the platform's do: every `…Start…` time
/// before its `…End…` (`termStartTime`/`termEndTime`, `startTime`/`endTime`), a creation time before its update
/// (`createdAt`/`updatedAt`), and a `transactionType` that names the `transactionCategory` (but `aggregate`).
/// Times swap places rather than change, so every value stays one the generator drew.
enum ExampleConsistency {
    /// The members with their pairs put in order.
    static func apply(to members: [JSONMember]) -> [JSONMember] {
        var members = members
        let names = members.map(\.key)
        for (index, name) in names.enumerated() {
            if name.contains("Start"), let end = names.firstIndex(of: name.replacingFirst("Start", with: "End")) {
                order(&members, index, end)
            }
            if name.hasPrefix("created"), let update = names.firstIndex(of: name.replacingFirst("created", with: "updated")) {
                order(&members, index, update)
            }
        }
        if let category = names.firstIndex(of: "transactionCategory"), let type = names.firstIndex(of: "transactionType"),
           case .string(let value) = members[category].value, value != "aggregate", case .string = members[type].value {
            members[type].value = .string(value)
        }
        return members
    }

    /// Swaps two datetime members when the first is not before the second.
    static func order(_ members: inout [JSONMember], _ first: Int, _ second: Int) {
        guard case .string(let a) = members[first].value, case .string(let b) = members[second].value,
              let start = Timestamp(rfc3339: a), let end = Timestamp(rfc3339: b), end <= start else { return }
        members[first].value = .string(b)
        members[second].value = .string(a)
    }
}

private extension String {
    /// The text with the first occurrence of `target` replaced (names are ASCII, so characters are bytes).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let characters = Array(self), pattern = Array(target)
        guard pattern.count <= characters.count else { return self }
        for start in 0...(characters.count - pattern.count) where Array(characters[start..<start + pattern.count]) == pattern {
            return String(characters[..<start]) + replacement + String(characters[(start + pattern.count)...])
        }
        return self
    }
}
