import Foundation
import SuretyJSON
import SuretySchemas

/// Prints validation results as they come: text for people, JSON (one object per document for NDJSON) for machines.
/// Standard output goes through an ``OutputBuffer``: written in blocks, after each block of input and at the end.
struct ValidationReporter {
    let console: Console
    var output: OutputBuffer
    let json: Bool
    let ndjson: Bool
    let input: String
    var documents = 0
    var invalid = 0
    var unreadable = 0
    var warnings = 0
    /// The printed form of each rule met so far, by its place in the contract.
    var ruleTexts: [RuleKey: String] = [:]
    /// The last rule printed, and its text.
    var lastRule: (key: RuleKey, text: String)?
    /// For a single JSON document, its result members, printed together with the summary as one object.
    var pendingMembers: [JSONMember] = []

    init(console: Console, json: Bool, ndjson: Bool, input: String) {
        self.console = console
        self.output = OutputBuffer(console: console)
        self.json = json
        self.ndjson = ndjson
        self.input = input
    }

    /// An NDJSON line longer than `limit`: reported with its number and skipped, never read whole.
    mutating func oversized(line: Int, limit: Int) {
        documents += 1
        invalid += 1
        unreadable += 1
        if json {
            emit(.object([JSONMember(key: "line", value: .integer(line)), JSONMember(key: "valid", value: false),
                          JSONMember(key: "tooLarge", value: .object(["limit": .integer(limit)]))]))
        } else {
            output.line("\(input):\(line): error: document longer than \(limit) bytes: skipped")
        }
    }

    mutating func document(line: Int?, result: Result<[ValidationIssue], JSONSyntaxError>) {
        documents += 1
        switch result {
        case .failure(let error):
            invalid += 1
            unreadable += 1
            if json {
                var members: [JSONMember] = []
                if let line { members.append(JSONMember(key: "line", value: .integer(line))) }
                members.append(JSONMember(key: "valid", value: false))
                members.append(JSONMember(key: "syntaxError", value: .object([
                    "line": .integer(error.line), "column": .integer(error.column), "message": .string(error.message),
                ])))
                emit(.object(members))
            } else {
                let prefix = line.map { "\(input):\($0):\(error.column)" } ?? "\(input):\(error.line):\(error.column)"
                output.line("\(prefix): error: malformed JSON: \(error.message)")
            }
        case .success(let issues):
            let errors = issues.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) }
            if errors > 0 { invalid += 1 }
            warnings += issues.count - errors
            guard !issues.isEmpty else { return }
            if json {
                var members: [JSONMember] = []
                if let line { members.append(JSONMember(key: "line", value: .integer(line))) }
                members.append(JSONMember(key: "valid", value: .bool(errors == 0)))
                members.append(JSONMember(key: "issues", value: .array(issues.map(Self.json))))
                emit(.object(members))
            } else {
                let place = line.map { "\(input):\($0): " } ?? "\(input): "
                // By index, so each issue is read in place rather than copied.
                for index in issues.indices { printIssue(issues[index], place: place, indent: "") }
            }
        }
    }

    /// Prints `indent`, `place` (`file:line: `), the issue and its rule's place, then its nested issues indented.
    mutating func printIssue(_ issue: ValidationIssue, place: String, indent: String) {
        output.append(indent)
        output.append(place)
        output.withText { issue.describe(into: &$0) }
        output.append(ruleText(issue))
        output.endLine()
        for detail in issue.details { printIssue(detail, place: place, indent: indent + "    ") }
    }

    /// ` (schemaPath at file:line:col)`, made once per rule: a stream repeats the same few rules many times, and the
    /// cache holds at most one entry per rule of the contract.
    mutating func ruleText(_ issue: ValidationIssue) -> String {
        let key = RuleKey(schemaPath: issue.schemaPath, location: issue.location)
        // Consecutive documents often break the same rule: the last one is compared before the table is hashed.
        if let last = lastRule, last.key == key { return last.text }
        let text: String
        if let known = ruleTexts[key] {
            text = known
        } else {
            text = issue.location.map { " (\(issue.schemaPath) at \($0))" } ?? " (\(issue.schemaPath))"
            ruleTexts[key] = text
        }
        lastRule = (key, text)
        return text
    }

    mutating func emit(_ value: JSONValue) {
        if !ndjson, case .object(let members) = value {
            pendingMembers += members
            return
        }
        let text = JSONWriter(style: ndjson ? .compact : .pretty).string(value)
        if ndjson { output.line(text) } else { output.flush(); console.out(text) }
    }

    /// The summary: a line on standard error for text, a final object for JSON.
    mutating func finish(timing seconds: Double?) {
        output.flush()
        let timingText = seconds.map { " seconds=\(String(format: "%.6f", $0))" } ?? ""
        if json {
            var members: [JSONMember] = [
                JSONMember(key: "documents", value: .integer(documents)), JSONMember(key: "invalid", value: .integer(invalid)),
                JSONMember(key: "warnings", value: .integer(warnings)),
            ]
            if let seconds { members.append(JSONMember(key: "seconds", value: .number(JSONNumber(seconds)))) }
            if ndjson {
                emit(.object([JSONMember(key: "summary", value: .object(members))]))
                output.flush()
            } else {
                let result = pendingMembers.isEmpty ? [JSONMember(key: "valid", value: .bool(invalid == 0))] : pendingMembers
                console.out(JSONWriter(style: .pretty).string(.object(result + members)))
            }
        } else if ndjson || seconds != nil {
            console.line("documents=\(documents) invalid=\(invalid) warnings=\(warnings)\(timingText)")
        } else if invalid == 0 {
            console.line("\(input): valid" + (warnings > 0 ? " (\(warnings) warning(s))" : ""))
        }
    }

    /// An issue as a JSON object.
    static func json(_ issue: ValidationIssue) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "severity", value: .string(issue.severity.rawValue)),
            JSONMember(key: "pointer", value: .string(issue.pointer.description)),
            JSONMember(key: "rule", value: .string(issue.rule.rawValue)),
            JSONMember(key: "expected", value: .string(issue.expected)),
            JSONMember(key: "actual", value: .string(issue.actual)),
            JSONMember(key: "schemaPath", value: .string(issue.schemaPath)),
        ]
        if let location = issue.location { members.append(JSONMember(key: "location", value: .string(location.description))) }
        if !issue.details.isEmpty { members.append(JSONMember(key: "issues", value: .array(issue.details.map(json)))) }
        return .object(members)
    }
}

extension ValidationReporter {
    /// A rule's place in the contract: its schema path and, when known, its file position.
    struct RuleKey: Hashable {
        let schemaPath: String
        let location: SourceLocation?
    }
}
