import Foundation
import SuretyConformance
import SuretyContracts

/// The repository's contract for this suite, found from this file (without the support module, so the suite
/// builds on its own).
enum CheckerTestContract {
    static let contract: Contract = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return try! ContractLoader().load(directory: url.path + "/contracts").0
    }()

    static let checker = ExchangeChecker(contract: contract)
}
