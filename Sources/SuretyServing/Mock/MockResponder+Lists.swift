import SuretyConformance
import SuretyContracts
import SuretyJSON
import SuretySchemas

extension MockResponder {
    /// A list answer: a seeded collection size, the page `offset..<offset+count` of it, each item generated from the
    /// collection's key and its index, so pages agree with each other; a bare array or the page object by `extended`.
    func listBody(type: TypeRef, list: ListBehaviour, routed: RoutedRequest, key: MockKey, seed: UInt64,
                  echo: LocatorEcho) -> JSONValue {
        var sizing = SeededRandom(seed: seed, key: key.collection + "#size")
        let total = sizing.below(options.maxListTotal + 1)
        let offset = max(0, routed.query("offset").flatMap { Int($0) } ?? 0)
        let count = min(options.maxListCount, max(0, routed.query("count").flatMap { Int($0) } ?? options.defaultListCount))
        // `start + count` cannot overflow: `start` is at most the collection's size, however large the asked offset.
        let start = min(offset, total)
        let range = start..<min(total, start + count)
        let items: [JSONValue] = range.map { index in
            var random = SeededRandom(seed: seed, key: key.collection + "#\(index)")
            return echo.apply(to: generator.example(of: list.itemType, random: &random), type: list.itemType, intoOptional: true)
        }
        guard case .named(let name) = type.unwrapped, let schema = checker.contract.schemas[name] else { return .array(items) }
        var random = SeededRandom(seed: seed, key: key.collection + "#page")
        var page = echo.apply(to: generator.example(of: type, random: &random), type: type)
        // The page carries its items even where the documents' table omits `items` (semantics.md §4.2).
        page = page.setting(.array(items), at: "/items")
        if schema.property(named: "listCompleted") != nil {
            page = page.setting(.bool(range.upperBound >= total), at: "/listCompleted")
        }
        return page
    }
}
