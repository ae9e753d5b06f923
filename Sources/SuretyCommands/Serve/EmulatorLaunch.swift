import Foundation
import SuretyContracts
import SuretyEmulator
import SuretyEmulatorState
import SuretyJSON
import SuretySchemas

extension ServeCommand {
    /// The emulator with the built-in fixtures or `--fixtures FILE`, its state replayed from `--state DIR` when
    /// given; nil after printing every fixture or journal error.
    func makeEmulator(contract: Contract, console: Console) -> EmulatedBackend? {
        var name = FixtureErrors.unnamedFile
        do {
            let bytes: [UInt8]
            (bytes, name) = try fixtureBytes()
            let loaded = try EmulatorFixtures.load(bytes: bytes, file: name)
            let options = EmulatorOptions(noAuth: !self.options.requiresAuthorization)
            guard let stateDirectory else {
                return try EmulatedBackend(contract: contract, fixtures: loaded, seed: self.options.seed, options: options, limits: emulatorLimits)
            }
            // The fixtures loaded, so they are JSON.
            let document = (try? JSONParser().parse(bytes).value()) ?? .null
            let journal = try StateJournal(directory: stateDirectory, seed: self.options.seed, fixtures: document, now: EmulatorClock.system.now())
            if let skipped = journal.skippedLine { console.errorLine(skipped.description) }
            let emulator = try EmulatedBackend(contract: contract, fixtures: loaded, clock: .manual(journal.createdAt),
                                               seed: self.options.seed, options: options, limits: emulatorLimits)
            let replayed = try emulator.restore(from: journal, clock: .system)
            let compacted = journal.droppedByCompaction == 0 ? "" : "; compacted: \(journal.droppedByCompaction) entries before the last reset dropped"
            console.errorLine("surety serve: state \(journal.path): \(replayed) entries replayed\(compacted)")
            if let failure = journal.compactionFailure { console.errorLine("surety serve: not compacted, the journal is kept as it was: \(failure)") }
            return emulator
        } catch let error as FixtureErrors {
            // The backend checks loaded fixtures, not their file: its issues are named here.
            console.errorLine("surety serve: \(error.naming(name))")
            return nil
        } catch {
            console.errorLine("surety serve: \(error)")
            return nil
        }
    }

    /// The fixtures' bytes and the name errors cite: `--fixtures FILE`, else the built-in fixtures.
    func fixtureBytes() throws -> ([UInt8], String) {
        guard let file = fixtures else { return (Array(BuiltInFixtures.json.utf8), "<built-in fixtures>") }
        return (try Array(Data(contentsOf: URL(fileURLWithPath: file))), file)
    }

    /// `--print-fixtures`: checks the fixtures as the emulator would load them and writes them to standard output as
    /// canonical JSON (sorted keys, two-space indentation), so a user starts a fixtures file from them.
    func writeFixtures(console: Console) -> ExitCode {
        do {
            let (bytes, name) = try fixtureBytes()
            _ = try EmulatorFixtures.load(bytes: bytes, file: name)
            let document = try JSONParser().parse(bytes).value()
            console.out(JSONWriter(style: .canonical).string(document))
            return .success
        } catch {
            console.errorLine("surety serve: \(error)")
            return .failure
        }
    }
}
