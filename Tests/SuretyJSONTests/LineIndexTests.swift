import Testing
@testable import SuretyJSON

@Suite struct LineIndexTests {
    @Test func agreesWithScanningFromTheStartAtEveryOffset() {
        let bytes = Array("{\n  \"é\": [1,\n\n 2]\r\n}\n".utf8)
        let index = LineIndex(bytes)
        for offset in 0...bytes.count {
            #expect(index.position(of: offset) == TextPosition(offset: offset, in: bytes), "offset \(offset)")
        }
    }
}
