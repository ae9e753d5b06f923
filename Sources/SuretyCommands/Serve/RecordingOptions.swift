import Foundation
import SuretyConformance
import SuretyHTTPCore
import SuretyHTTPTransport
import SuretyRecordings
import SuretyServing

/// The options of `surety serve --record` and `--replay`: redaction, matching, repetition, bad files and fallback.
struct RecordingOptions: Sendable {
    static let valueOptions: Set<String> = ["redact", "keep", "ignore-query", "ignore-body", "match-header", "replay-order", "fallback"]
    static let flags: Set<String> = ["skip-bad-recordings"]

    static let usage = """
          record:     --record DIR --upstream URL [--redact header:NAME|query:NAME|body:/POINTER ...] [--keep NAME ...]
          secrets:    credential headers and names holding token, secret, key, password or auth (headers, query,
                      JSON at any depth) are redacted everywhere; --redact adds, --keep NAME exempts
          replay:     --replay DIR [--ignore-query NAME ...] [--ignore-body /POINTER ...] [--match-header NAME ...]
                      [--replay-order \(choices(ReplayIndex.Repetition.self)) (\(defaultRepetition.rawValue))] [--fallback \(choices(ReplayFallback.self))] [--skip-bad-recordings]
        """

    /// How replay repeats without `--replay-order`.
    static let defaultRepetition = ReplayIndex.Repetition.repeatLast

    /// `--fallback`: what answers a request no recording matches (without it, a 404).
    enum ReplayFallback: String, Sendable, CaseIterable {
        case mock
    }

    var redaction: Redaction
    var matching: RequestMatcher.Options
    var repetition: ReplayIndex.Repetition
    var fallbackToMock: Bool
    var skipBadRecordings: Bool

    init(_ scanner: ArgumentScanner) throws(UsageError) {
        redaction = .default
        for spec in scanner.values["redact"] ?? [] {
            do { try redaction.add(spec) } catch { throw UsageError("--redact \(spec): \(error.description)") }
        }
        for name in scanner.values["keep"] ?? [] { redaction.keep(name) }
        var pointers: [PointerPattern] = []
        for text in scanner.values["ignore-body"] ?? [] {
            guard let pattern = PointerPattern(parsing: text) else {
                throw UsageError("--ignore-body needs a JSON Pointer such as /items/*/createdAt, got \(text)")
            }
            pointers.append(pattern)
        }
        matching = RequestMatcher.Options(ignoredQueryParameters: Set(scanner.values["ignore-query"] ?? []),
                                          ignoredBodyPointers: pointers, matchedHeaders: scanner.values["match-header"] ?? [])
            .ignoringRedacted(by: redaction)
        repetition = try scanner.choice("replay-order", default: Self.defaultRepetition)
        switch try scanner.choice("fallback", as: ReplayFallback.self) {
        case .mock: fallbackToMock = true
        case nil: fallbackToMock = false
        }
        skipBadRecordings = scanner.flag("skip-bad-recordings")
    }

    /// The recorder for `--record`; nil (after printing why) when the folder cannot be used.
    func makeRecorder(directory: String, upstream: URL, checker: ExchangeChecker, writer: LineWriter,
                      console: Console) -> RecordingResponder<UpstreamClient>? {
        do {
            let store = try RecordingStore(directory: directory, redaction: redaction)
            let leftovers = try store.removeTemporaryFiles()
            if leftovers > 0 { console.errorLine("surety serve: removed \(leftovers) unfinished recording(s) from an earlier run") }
            return RecordingResponder(upstream: UpstreamClient(baseURL: upstream), checker: checker, store: store,
                                      onFailure: { writer.error("surety serve: recording not written: \($0.description)") })
        } catch {
            console.errorLine("surety serve: \(error.description)")
            return nil
        }
    }

    /// The replayer for `--replay`; nil (after listing every bad file) when the folder cannot be replayed.
    func makeReplay(directory: String, checker: ExchangeChecker, mock: MockResponder, console: Console) -> ReplayResponder? {
        let options = ReplayResponder.Options(matching: matching, repetition: repetition,
                                              badRecordings: skipBadRecordings ? .skip : .refuse)
        do {
            let (replay, skipped) = try ReplayResponder.load(directory: directory, checker: checker, options: options,
                                                             fallback: fallbackToMock ? mock : nil)
            for issue in skipped {
                var located = issue
                located.file = (directory.hasSuffix("/") ? directory : directory + "/") + issue.file
                console.errorLine(issue.severity == .warning ? located.description : "warning: skipped: \(located.description)")
            }
            return replay
        } catch {
            console.errorLine("surety serve: \(error.description)")
            return nil
        }
    }
}
