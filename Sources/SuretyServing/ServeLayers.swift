import SuretyConformance
import SuretyHTTPCore

/// Wraps a responder held as `any Responder` in a generic layer, keeping the layer's synchronous path where the
/// responder has one (the existential is opened here, so the layer is built over the concrete type).
public enum ServeLayers {
    /// `inner` behind the stubs of `board`.
    public static func stubs(_ inner: some Responder, board: StubBoard) -> any Responder {
        StubResponder(board: board, inner: inner)
    }

    /// `inner` with its exchanges written to `journal`.
    public static func journal(_ inner: some Responder, journal: Journal, checker: ExchangeChecker) -> any Responder {
        JournalResponder(journal: journal, checker: checker, inner: inner)
    }
}
