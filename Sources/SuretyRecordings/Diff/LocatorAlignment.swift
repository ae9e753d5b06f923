import SuretyJSON
import SuretySchemas

/// Which identifiers of OLD stand for which of NEW: the pairs seen at the same place in paired exchanges, kept only
/// when consistent both ways (one OLD identifier always meets the same NEW one, and no other OLD one meets it).
///
/// Identifiers are path parameter values, body strings shaped like a ULID (locators) or a UUID, and such words inside
/// body strings (a problem's `detail` naming a locator) when the text around them is the same. A reference in NEW to
/// the counterpart of a reference in OLD is then the same reference, whatever the contract types it as.
public struct LocatorAlignment: Sendable {
    private var forward: [String: String] = [:]
    private var backward: [String: String] = [:]
    private var conflicted: Set<String> = []

    /// Creates an empty alignment.
    public init() {}

    /// Records the identifiers met at the same places in a paired OLD and NEW exchange.
    public mutating func observe(_ old: Exchange, _ new: Exchange) {
        for name in old.pathParameters.keys.sorted() {
            if let oldValue = old.pathParameters[name], let newValue = new.pathParameters[name] { record(oldValue, newValue) }
        }
        if let oldBody = old.response.body.jsonValue, let newBody = new.response.body.jsonValue { observe(oldBody, newBody) }
        if let oldBody = old.request.body.jsonValue, let newBody = new.request.body.jsonValue { observe(oldBody, newBody) }
    }

    /// Whether `old` and `new` are the same identifier on each side.
    public func aligns(_ old: String, _ new: String) -> Bool {
        !conflicted.contains("o" + old) && !conflicted.contains("n" + new) && forward[old] == new
    }

    /// Whether either identifier was met in a pair, so that only its counterpart stands for it.
    func knows(_ old: String, _ new: String) -> Bool {
        forward[old] != nil || backward[new] != nil
    }

    /// Whether two texts are the same but for identifiers each aligned with its counterpart.
    func alignsEmbedded(_ old: String, _ new: String) -> Bool {
        guard let oldWords = EmbeddedIdentifiers(old), let newWords = EmbeddedIdentifiers(new), oldWords.skeleton == newWords.skeleton else { return false }
        return zip(oldWords.identifiers, newWords.identifiers).allSatisfy { $0 == $1 || aligns($0, $1) }
    }

    private mutating func observe(_ old: JSONValue, _ new: JSONValue) {
        switch (old, new) {
        case let (.object(oldMembers), .object):
            for member in oldMembers {
                if let counterpart = new[member.key] { observe(member.value, counterpart) }
            }
        case let (.array(oldElements), .array(newElements)):
            for (oldElement, newElement) in zip(oldElements, newElements) { observe(oldElement, newElement) }
        case let (.string(oldText), .string(newText)) where Self.isIdentifier(oldText) && Self.isIdentifier(newText):
            record(oldText, newText)
        case let (.string(oldText), .string(newText)) where oldText != newText:
            guard let oldWords = EmbeddedIdentifiers(oldText), let newWords = EmbeddedIdentifiers(newText),
                  oldWords.skeleton == newWords.skeleton else { return }
            for (oldWord, newWord) in zip(oldWords.identifiers, newWords.identifiers) { record(oldWord, newWord) }
        default:
            break
        }
    }

    private mutating func record(_ old: String, _ new: String) {
        if let known = forward[old], known != new { conflicted.insert("o" + old) }
        if let known = backward[new], known != old { conflicted.insert("n" + new) }
        if forward[old] == nil { forward[old] = new }
        if backward[new] == nil { backward[new] = old }
    }

    /// A ULID (locators are ULIDs) or a UUID.
    static func isIdentifier(_ text: String) -> Bool {
        Formats.matches(text, .ulid) || Formats.matches(text, .uuid)
    }
}
