extension HTTPRequestParser {
    /// Parses `method SP request-target SP HTTP-version` (RFC 9112 §3); returns an error only when framing is lost.
    mutating func parseRequestLine(_ start: Int, _ end: Int) -> HTTPParseError? {
        let parsed = withBytes(start, end) { line -> Result<(HTTPMethod, String, HTTPVersion, Bool), HTTPParseError> in
            guard let firstSpace = line.firstIndex(of: HTTPGrammar.space),
                  let secondSpace = line[(firstSpace + 1)...].firstIndex(of: HTTPGrammar.space) else {
                return .failure(.invalidRequestLine)  // RFC 9112 §3: three parts separated by single spaces
            }
            let method = line[line.startIndex..<firstSpace]
            let target = line[(firstSpace + 1)..<secondSpace]
            let version = line[(secondSpace + 1)...]
            guard !method.isEmpty, !target.isEmpty else { return .failure(.invalidRequestLine) }  // RFC 9112 §3
            guard method.allSatisfy(HTTPGrammar.isTokenChar) else { return .failure(.invalidMethod) }  // RFC 9112 §3.1: method = token
            guard let parsedVersion = Self.parseVersion(version) else { return .failure(.invalidVersion) }  // RFC 9112 §2.3
            guard parsedVersion.major == 1 else { return .failure(.unsupportedVersion(parsedVersion)) }  // RFC 9110 §15.6.6: 505
            let parsedMethod = Self.knownMethod(method) ?? HTTPMethod(String(decoding: method, as: UTF8.self))
            let targetIsValid = target.allSatisfy(HTTPGrammar.isTargetChar)  // RFC 9112 §3.2, RFC 3986 §2: no CTL, SP or non-ASCII
                && Self.targetFormFits(target, method: parsedMethod)
            return .success((parsedMethod, String(decoding: target, as: UTF8.self), parsedVersion, targetIsValid))
        }
        switch parsed {
        case .failure(let error):
            return error
        case .success(let (method, target, version, targetIsValid)):
            message.method = method
            message.target = target
            message.version = version
            if !targetIsValid { deferError(.invalidTarget) }  // RFC 9112 §3.2: 400, but framing is intact
            return nil
        }
    }

    /// Parses `HTTP/DIGIT.DIGIT`, case-sensitively (RFC 9112 §2.3).
    static func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> HTTPVersion? {
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { return nil }
        let major = bytes[bytes.startIndex + 5], dot = bytes[bytes.startIndex + 6], minor = bytes[bytes.startIndex + 7]
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard digits.contains(major), dot == UInt8(ascii: "."), digits.contains(minor) else { return nil }
        return HTTPVersion(major: Int(major - UInt8(ascii: "0")), minor: Int(minor - UInt8(ascii: "0")))
    }

    /// The shared constant for a common method, avoiding a string allocation per request.
    static func knownMethod(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> HTTPMethod? {
        switch bytes.count {
        case 3:
            if bytes.elementsEqual("GET".utf8) { return .get }
            if bytes.elementsEqual("PUT".utf8) { return .put }
        case 4:
            if bytes.elementsEqual("POST".utf8) { return .post }
            if bytes.elementsEqual("HEAD".utf8) { return .head }
        case 5:
            if bytes.elementsEqual("PATCH".utf8) { return .patch }
        case 6:
            if bytes.elementsEqual("DELETE".utf8) { return .delete }
        case 7:
            if bytes.elementsEqual("OPTIONS".utf8) { return .options }
        default:
            break
        }
        return nil
    }

    /// Whether the target's form is one the method may use (RFC 9112 §3.2).
    static func targetFormFits(_ target: Slice<UnsafeBufferPointer<UInt8>>, method: HTTPMethod) -> Bool {
        let first = target[target.startIndex]
        if first == UInt8(ascii: "/") { return true }  // RFC 9112 §3.2.1 origin-form
        if method == .connect { return true }  // RFC 9112 §3.2.3 authority-form, only for CONNECT
        if target.count == 1 && first == UInt8(ascii: "*") { return method == .options }  // RFC 9112 §3.2.4 asterisk-form
        // RFC 9112 §3.2.2 absolute-form: scheme "://" …, scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1)
        guard let colon = target.firstIndex(of: HTTPGrammar.colon), colon > target.startIndex,
              target[colon...].starts(with: "://".utf8) else { return false }
        let isAlpha = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        guard isAlpha(first) else { return false }
        return target[target.startIndex..<colon].allSatisfy {
            isAlpha($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    /// Validates framing and semantics once the header section ends, then moves to the body (RFC 9112 §6).
    ///
    /// Returns a failure, the completed request when there is no body, or `nil` to go on reading the body.
    mutating func finishHead() -> Event? {
        var hostValues: [String] = []
        var contentLengths: [String] = []
        var transferEncodings: [String] = []
        var expectations: [String] = []
        for field in message.headers {
            if field.hasName("Host") {
                hostValues.append(field.value)
            } else if field.hasName("Content-Length") {
                contentLengths.append(field.value)
            } else if field.hasName("Transfer-Encoding") {
                transferEncodings.append(field.value)
            } else if field.hasName("Expect") {
                expectations.append(field.value)
            }
        }
        let isHTTP11 = message.version >= .http1_1

        if !transferEncodings.isEmpty {
            if !isHTTP11 { return fail(.transferEncodingInHTTP10) }  // RFC 9112 §6.1: HTTP/1.0 with Transfer-Encoding is faulty framing
            if !contentLengths.isEmpty { return fail(.contentLengthWithTransferEncoding) }  // RFC 9112 §6.1, §6.3 rule 3: reject, smuggling risk
            let codings = transferEncodings.flatMap(Self.listElements).map { element in
                String(element.prefix { $0 != ";" }).trimmingHTTPWhitespace().lowercased()
            }
            guard codings.last == "chunked" else { return fail(.invalidTransferEncoding) }  // RFC 9112 §6.3 rule 4: 400 and close
            guard codings.filter({ $0 == "chunked" }).count == 1 else { return fail(.invalidTransferEncoding) }  // RFC 9112 §7.1: chunked once only
            guard codings.count == 1 else { return fail(.unsupportedTransferEncoding) }  // RFC 9112 §6.1: unknown coding → 501
            state = .chunkHeader
        } else if !contentLengths.isEmpty {
            var length: Int?
            for element in contentLengths.flatMap(Self.strictListElements) {
                guard let value = Self.parseContentLength(element) else { return fail(.invalidContentLength) }  // RFC 9112 §6.3 rule 5
                if let length, length != value { return fail(.conflictingContentLength) }  // RFC 9112 §6.3 rule 5: differing values
                length = value
            }
            let bodyLength = length ?? 0
            if bodyLength > limits.maxBodyBytes { return fail(.bodyTooLarge(limit: limits.maxBodyBytes)) }  // RFC 9110 §15.5.14
            if bodyLength > 0 { state = .fixedBody(remaining: bodyLength) }
        }
        // else: RFC 9112 §6.3 rule 7: a request with neither field has no body.

        if hostValues.count > 1 {
            deferError(.multipleHosts)  // RFC 9112 §3.2: more than one Host → 400
        } else if isHTTP11 && hostValues.isEmpty {
            deferError(.missingHost)  // RFC 9112 §3.2: HTTP/1.1 without Host → 400
        } else if let host = hostValues.first, !Self.isValidHost(host) {
            deferError(.invalidHost)  // RFC 9112 §3.2: Host with an invalid value → 400
        }
        if isHTTP11 {  // RFC 9110 §10.1.1: a 100-continue expectation in HTTP/1.0 is ignored
            for element in expectations.flatMap(Self.listElements) {
                if HTTPFields.namesEqual(element.trimmingHTTPWhitespace(), "100-continue") {
                    message.expectsContinue = true
                } else {
                    deferError(.unsupportedExpectation)  // RFC 9110 §10.1.1: MAY answer 417
                }
            }
        }
        return state == .headers ? completeMessage() : nil
    }

    /// The non-empty elements of a comma-separated field value, trimmed; empty elements are skipped (RFC 9110 §5.6.1).
    static func listElements(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingHTTPWhitespace() }.filter { !$0.isEmpty }
    }

    /// Every element of a comma-separated field value, trimmed, empty ones included so that `5,` is caught as invalid.
    static func strictListElements(_ value: String) -> [String] {
        value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingHTTPWhitespace() }
    }

    /// Parses `Content-Length = 1*DIGIT` (RFC 9110 §8.6), saturating absurdly large values so they fail the body limit.
    static func parseContentLength(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            value = overflow1 || overflow2 ? Int.max : sum
        }
        return value
    }

    /// Whether a Host value looks like `uri-host [":" port]` (RFC 9110 §7.2): no whitespace, path, query, fragment or userinfo.
    static func isValidHost(_ host: String) -> Bool {
        var host = host
        return host.withUTF8 { $0.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "?")
                && byte != UInt8(ascii: "#") && byte != UInt8(ascii: "@") && byte != UInt8(ascii: "\\")
        } }
    }
}

extension StringProtocol {
    /// The string without leading and trailing SP and HTAB (OWS, RFC 9110 §5.6.3).
    func trimmingHTTPWhitespace() -> String {
        String(decoding: HTTPFields.trimmingWhitespace(Array(utf8)), as: UTF8.self)
    }
}
