import Foundation
import SuretyTestSupport
import Testing

/// `docs/architecture.md` is the truth about the modules, so its table is checked against `Package.swift`: the same
/// targets, each with the same direct dependencies, and every dependency above it in the table.
@Suite("docs/architecture.md agrees with Package.swift")
struct ArchitectureDocTests {
    /// Targets (not test targets) and their direct dependencies, read from `Package.swift`.
    static func packageTargets() throws -> [String: Set<String>] {
        let text = try String(contentsOfFile: TestRepository.root + "/Package.swift", encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        let pattern = try NSRegularExpression(pattern: #"\.(target|executableTarget)\(\s*name:\s*"([^"]+)"(?:,\s*dependencies:\s*\[([^\]]*)\])?"#)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 2), in: text)!])
            let list = Range(match.range(at: 3), in: text).map { String(text[$0]) } ?? ""
            targets[name] = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \n\"")) }.filter { !$0.isEmpty })
        }
        return targets
    }

    /// The table's rows in order: target and the dependencies its last column names.
    static func documentedTargets() throws -> [(name: String, dependencies: Set<String>)] {
        let text = try String(contentsOfFile: TestRepository.root + "/docs/architecture.md", encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> (String, Set<String>)? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { return nil }
            let name = String(cells[0].dropFirst().dropLast())
            let dependencies = cells[cells.count - 1] == "—" ? [] : cells[cells.count - 1].split(separator: ",")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
            return (name, Set(dependencies))
        }
    }

    @Test("the table names every target of Package.swift with exactly its direct dependencies")
    func tableMatchesPackage() throws {
        let package = try Self.packageTargets()
        let documented = try Self.documentedTargets()
        #expect(package.count >= 12, "Package.swift was read: \(package.keys.sorted())")
        #expect(Set(documented.map(\.name)) == Set(package.keys))
        for row in documented {
            #expect(row.dependencies == package[row.name], "\(row.name): the doc says \(row.dependencies.sorted()), Package.swift \(package[row.name]?.sorted() ?? [])")
        }
    }

    @Test("every dependency is a module above it in the table, so dependencies point one way")
    func dependenciesPointUp() throws {
        let documented = try Self.documentedTargets()
        var above: Set<String> = []
        for row in documented {
            #expect(row.dependencies.isSubset(of: above), "\(row.name) depends on \(row.dependencies.subtracting(above).sorted()), not above it")
            above.insert(row.name)
        }
    }
}
