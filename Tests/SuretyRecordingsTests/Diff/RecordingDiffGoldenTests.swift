import Foundation
import SuretyJSON
import SuretyTestSupport
import Testing
@testable import SuretyRecordings

/// Whole-pipeline references: recordings written to folders, read back, diffed and rendered against golden files.
@Suite struct RecordingDiffGoldenTests {
    typealias F = DiffFixture

    /// One exchange per rule family, so every rule shows in the golden outputs.
    static let old: [Exchange] = [
        F.fetch(F.policyA, F.policy(F.policyA, extra: #","tags":["a","b"],"holder":{"id":"3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","name":"Ann"}"#)),
        F.fetch(F.policyB, F.policy(F.policyB)),
        F.list("[\(F.policy(F.policyA))]"),
        F.exchange(.init(method: .get, target: "/legacy"), #"{"ok":true}"#),
    ]
    static let new: [Exchange] = [
        F.fetch(F.newPolicyA, F.policy(F.newPolicyA, state: "archived", createdAt: "2025-06-01T10:00:00Z",
                                       extra: #","holder":{"id":"9a2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","name":null},"channel":"web""#)),
        F.fetch(F.newPolicyB, F.policy(F.newPolicyB), status: 500),
        F.list("[\(F.policy(F.newPolicyA, state: "cancelled")),\(F.policy(F.newPolicyB))]"),
        F.exchange(.init(method: .get, target: "/policies/\(F.newPolicyA)?fresh=1"), F.policy(F.newPolicyA)),
    ]

    /// Writes both sides as recordings folders and diffs what reading them gives back.
    static func diffThroughFolders(_ old: [Exchange], _ new: [Exchange], redaction: Redaction = .default) async throws -> DiffReport {
        try await withTemporaryDirectory { directory in
            for (side, exchanges) in [("old", old), ("new", new)] {
                let store = try RecordingStore(directory: directory + "/" + side, redaction: redaction, syncsToStorage: false)
                for exchange in exchanges { _ = try store.write(exchange) }
            }
            let oldSet = try RecordingStore.read(directory: directory + "/old")
            let newSet = try RecordingStore.read(directory: directory + "/new")
            #expect(oldSet.issues.isEmpty && newSet.issues.isEmpty)
            return RecordingDiff(contract: F.contract).compare(old: oldSet.exchanges, new: newSet.exchanges)
        }
    }

    @Test func theTextReportMatchesItsGoldenFile() async throws {
        let report = try await Self.diffThroughFolders(Self.old, Self.new)
        GoldenFile.expect(report.text(), matches: F.golden("every-rule.txt"))
    }

    @Test func theJSONReportMatchesItsGoldenFile() async throws {
        let report = try await Self.diffThroughFolders(Self.old, Self.new)
        GoldenFile.expect(String(decoding: report.jsonBytes, as: UTF8.self), matches: F.golden("every-rule.json"))
    }

    @Test func theMarkdownReportMatchesItsGoldenFile() async throws {
        let report = try await Self.diffThroughFolders(Self.old, Self.new)
        GoldenFile.expect(report.markdown, matches: F.golden("every-rule.md"))
    }

    @Test func foldersDifferingOnlyInLocatorsAndTimestampsReportNoDifference() async throws {
        let old = [F.fetch(F.policyA, F.policy(F.policyA)), F.list("[\(F.policy(F.policyA)),\(F.policy(F.policyB))]")]
        let new = [F.fetch(F.newPolicyA, F.policy(F.newPolicyA, createdAt: "2030-12-31T23:59:59Z")),
                   F.list("[\(F.policy(F.newPolicyA)),\(F.policy(F.newPolicyB, createdAt: "2030-01-01T00:00:00Z"))]")]
        let report = try await Self.diffThroughFolders(old, new)
        #expect(report.differences.isEmpty)
        #expect(report.text() == "no differences; 2 exchanges paired\n")
    }

    @Test func theSameInputsGiveByteIdenticalOutputs() async throws {
        let first = try await Self.diffThroughFolders(Self.old, Self.new)
        let second = try await Self.diffThroughFolders(Self.old, Self.new)
        #expect(first.jsonBytes == second.jsonBytes)
        #expect(first.text() == second.text())
        #expect(first.markdown == second.markdown)
    }

    @Test func harFilesDiffLikeRecordingsFolders() throws {
        let converter = HARConverter(checker: F.checker)
        let oldImport = converter.importEntries(from: converter.exportBytes(Self.old), file: "old.har")
        let newImport = converter.importEntries(from: converter.exportBytes(Self.new), file: "new.har")
        #expect(oldImport.issues.isEmpty && newImport.issues.isEmpty)
        let stored = { (exchanges: [Exchange], name: String) in
            exchanges.enumerated().map { StoredExchange(file: "\(name)#\($0.offset)", sequence: $0.offset, exchange: $0.element) }
        }
        let report = RecordingDiff(contract: F.contract).compare(old: stored(oldImport.exchanges, "old.har"), new: stored(newImport.exchanges, "new.har"))
        let fromMemory = F.diff(Self.old, Self.new)
        #expect(report.differences == fromMemory.differences)
    }

    @Test func theTextReportPutsBreakingEndpointsFirst() {
        let text = F.diff(Self.old, Self.new).text()
        let fetch = text.range(of: "fetchPolicy:")?.lowerBound, legacy = text.range(of: "/legacy:")?.lowerBound
        #expect(fetch != nil && legacy != nil && fetch! < legacy!)
    }
}
