/// Per-concern handler tables merged into one, with every endpoint id that more than one of them handles.
struct EmulatorHandlerTable: Sendable {
    /// The handler of each endpoint id; for a duplicate id, the first table's.
    private(set) var handlers: [String: EmulatorHandler] = [:]
    /// The endpoint ids more than one table handles, sorted; empty in a sound table.
    private(set) var duplicates: [String] = []

    /// Merges `parts` in order, collecting each id a later part handles again instead of silently keeping one.
    init(merging parts: [[String: EmulatorHandler]]) {
        var seen = Set<String>()
        for part in parts {
            for (id, handler) in part {
                if seen.insert(id).inserted {
                    handlers[id] = handler
                } else if !duplicates.contains(id) {
                    duplicates.append(id)
                }
            }
        }
        duplicates.sort()
    }

    /// The merged handlers; stops the program when two tables handle one endpoint id, since either handler
    /// would answer for the other's endpoint.
    func checked() -> [String: EmulatorHandler] {
        precondition(duplicates.isEmpty, "more than one emulator handler table handles \(duplicates.joined(separator: ", "))")
        return handlers
    }
}
