import Foundation
import SuretyConformance
import Testing
@testable import SuretyRecordings

/// The recorder never writes through a symbolic link left in place of an endpoint's folder.
@Suite("endpoint folders that are links")
struct LinkedFolderTests {
    @Test("a pre-existing symbolic link in place of the endpoint's folder is refused and nothing is written outside")
    func linkedEndpointFolder() async throws {
        try await withTemporaryDirectory { directory in
            let outside = directory + "/outside", recordings = directory + "/recordings"
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: recordings, withIntermediateDirectories: true)
            let exchange = Sample.exchange(Sample.termsList())
            try FileManager.default.createSymbolicLink(atPath: recordings + "/" + exchange.folderName, withDestinationPath: outside)
            let store = try RecordingStore(directory: recordings)
            #expect(throws: RecordingStoreError.notAFolder(path: recordings + "/" + exchange.folderName, kind: "a symbolic link")) {
                try store.write(exchange)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        }
    }
}
