import Testing
@testable import SuretyJSON

@Suite struct JSONNumberTests {
    @Test(arguments: ["3", "-3", "3.0", "3e0", "3E+2", "30e-1", "0.0", "-0", "1.50e1", "1e400"])
    func integralLiterals(literal: String) {
        #expect(JSONNumber(literal: literal).isIntegral)
    }

    @Test(arguments: ["3.5", "0.1", "1e-1", "15e-1", "1.0000001", "-2.25"])
    func fractionalLiterals(literal: String) {
        #expect(!JSONNumber(literal: literal).isIntegral)
    }
}
