import Foundation
import SuretyHTTPCore
import SuretyJSON

/// What an import needs to know of a HAR entry before reading it: its host, and whether it is the API's at all.
struct HAREntryTraits {
    /// The URL's host, lower-cased, without port (from `:authority` or `Host` when the URL is a path); nil when unknown.
    var host: String?
    /// The host with its port, as the URL or header gave it.
    var authority: String?
    /// Why the entry is not the API's regardless of its host (preflight, static file…); nil when it may be.
    var reason: HARSkipReason?
    /// The method and origin-form target, when readable.
    var request: HTTPRequest?

    /// The resource types browsers record for pages and static files (Chrome's `_resourceType`).
    static let staticResourceTypes: Set<String> = ["document", "stylesheet", "script", "image", "font", "media", "manifest", "texttrack"]
    /// Media types of pages and static files (without parameters).
    static let staticMediaTypes: Set<String> = ["text/html", "text/css", "text/javascript", "application/javascript",
                                                "application/x-javascript", "application/wasm", "application/manifest+json"]
    /// Media type families of static files.
    static let staticMediaFamilies = ["image/", "font/", "audio/", "video/"]
    /// Path extensions of static files.
    static let staticExtensions: Set<String> = ["html", "htm", "js", "mjs", "css", "map", "png", "jpg", "jpeg", "gif", "svg", "ico",
                                                "webp", "avif", "woff", "woff2", "ttf", "otf", "eot", "wasm", "mp4", "webm", "mp3"]

    init(_ entry: JSONValue) {
        let request = entry["request"], response = entry["response"]
        let url = request?["url"]?.stringValue ?? ""
        let headers = HARConverter.allFields(request?["headers"])
        if let scheme = url.range(of: "://") {
            let name = url[..<scheme.lowerBound].lowercased()
            guard name == "http" || name == "https" else { reason = .notHTTP; return }
            let rest = url[scheme.upperBound...]
            let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
            authority = String(rest[..<end].split(separator: "@").last ?? "")
        } else if !url.hasPrefix("/"), let colon = url.firstIndex(of: ":"), url[..<colon].allSatisfy(\.isLetter) {
            reason = .notHTTP
            return
        } else {
            authority = headers[":authority"] ?? headers["Host"]
        }
        host = authority.map(Self.hostname)
        if let status = response?["status"]?.numberValue?.intValue, status == 0 { reason = .noResponse; return }
        let method = request?["method"]?.stringValue ?? ""
        if let target = HARConverter.target(of: url), HTTPMethod(method).isToken { self.request = HTTPRequest(method: HTTPMethod(method), target: target) }
        if method == "OPTIONS", headers["Access-Control-Request-Method"] != nil { reason = .preflight; return }
        if Self.looksStatic(entry, path: self.request?.path ?? "") { reason = .staticFile }
    }

    /// Whether Chrome's resource type, the response's media type or the path's extension says "static file".
    static func looksStatic(_ entry: JSONValue, path: String) -> Bool {
        if let type = entry["_resourceType"]?.stringValue, staticResourceTypes.contains(type.lowercased()) { return true }
        let mime = (entry["response"]?["content"]?["mimeType"]?.stringValue ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if staticMediaTypes.contains(mime) || staticMediaFamilies.contains(where: mime.hasPrefix) { return true }
        let last = path.split(separator: "/").last ?? ""
        guard let dot = last.lastIndex(of: ".") else { return false }
        return staticExtensions.contains(last[last.index(after: dot)...].lowercased())
    }

    /// `API.Example.com:8443` → `api.example.com`; `[::1]:80` → `[::1]`.
    static func hostname(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let close = lowered.firstIndex(of: "]") { return String(lowered[...close]) }
        return String(lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// Whether this entry is for `name` (a host, or a host and port).
    func isFor(_ name: String) -> Bool {
        guard let host else { return true }
        return name.contains(":") && !name.hasPrefix("[") ? authority?.lowercased() == name.lowercased() : host == name.lowercased()
    }
}
