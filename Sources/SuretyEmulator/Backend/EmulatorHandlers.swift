/// The handler of every implemented endpoint, by endpoint id, gathered from the per-concern tables.
public enum EmulatorHandlers {
    /// Every handler; two tables handling one endpoint id stop the program (``EmulatorHandlerTable``).
    public static var all: [String: EmulatorHandler] {
        EmulatorHandlerTable(merging: parts).checked()
    }

    /// The per-concern tables: the policy side's, the jobs' and billing's.
    static var parts: [[String: EmulatorHandler]] {
        [fetching, creation, lifecycle, changes, underwriting, documents, terms] + jobParts + [billing]
    }
}
