extension JSONValue {
    /// A copy with the value at `pointer` replaced (or removed when `newValue` is nil); unchanged when the pointer
    /// does not resolve. Setting a missing key of an existing object adds it at the end.
    public func setting(_ newValue: JSONValue?, at pointer: JSONPointer) -> JSONValue {
        setting(newValue, tokens: pointer.tokens[...])
    }

    private func setting(_ newValue: JSONValue?, tokens: ArraySlice<String>) -> JSONValue {
        guard let token = tokens.first else { return newValue ?? .null }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var members):
            if let index = members.lastIndex(where: { $0.key == token }) {
                if rest.isEmpty && newValue == nil {
                    members.remove(at: index)
                } else {
                    members[index].value = members[index].value.setting(newValue, tokens: rest)
                }
            } else if rest.isEmpty, let newValue {
                members.append(JSONMember(key: token, value: newValue))
            }
            return .object(members)
        case .array(var elements):
            guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return self }
            if rest.isEmpty && newValue == nil {
                elements.remove(at: index)
            } else {
                elements[index] = elements[index].setting(newValue, tokens: rest)
            }
            return .array(elements)
        default:
            return self
        }
    }
}
