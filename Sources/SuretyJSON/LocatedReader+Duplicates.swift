extension LocatedReader {
    /// Records an error at each key repeated within one object (which a parse with `duplicateKeys: .report` lists),
    /// with the pointer of the repeated member, so that a second value is never dropped in silence.
    public mutating func reportDuplicateKeys() {
        guard !document.duplicateKeys.isEmpty else { return }
        var pointers: [Int: JSONPointer] = [:]
        collectObjectPointers(document.root, .root, into: &pointers)
        for duplicate in document.duplicateKeys {
            let pointer = (pointers[duplicate.objectNode] ?? .root).appending(duplicate.key)
            error("duplicate key \"\(duplicate.key)\"", at: duplicate.keyNode, pointer)
        }
    }

    /// The pointer of every object node under `node`.
    private func collectObjectPointers(_ node: Int, _ pointer: JSONPointer, into pointers: inout [Int: JSONPointer]) {
        switch document.kind(node) {
        case .object:
            pointers[node] = pointer
            for member in document.members(node) { collectObjectPointers(member.valueIndex, pointer.appending(member.key), into: &pointers) }
        case .array:
            for (offset, element) in document.elements(node).enumerated() { collectObjectPointers(element, pointer.appending(offset), into: &pointers) }
        default: break
        }
    }
}
