import Testing
@testable import SuretyHTTPTransport

@Suite struct ConnectionTimerTests {
    private let limits = ConnectionTimer.Limits(HTTPTimeouts(
        headerTimeout: .nanoseconds(100), bodyTimeout: .nanoseconds(200), idleTimeout: .nanoseconds(300),
        writeTimeout: .nanoseconds(50), lingerTimeout: .nanoseconds(20)
    ))

    @Test func eachActivityExpiresAfterItsOwnTimeout() {
        let cases: [(ConnectionTimer.Activity, UInt64, ConnectionTimer.Expiry)] = [
            (.idle, 300, .idle), (.readingHead, 100, .header), (.readingBody, 200, .body),
            (.writing, 50, .write), (.lingering, 20, .linger),
        ]
        for (activity, timeout, expiry) in cases {
            var timer = ConnectionTimer(limits: limits, now: 1000)
            timer.observe(activity, now: 1000)
            #expect(timer.expiry(now: 1000 + timeout - 1) == nil, "\(activity)")
            #expect(timer.expiry(now: 1000 + timeout) == expiry, "\(activity)")
        }
    }

    @Test func awaitingTheResponderNeverExpires() {
        var timer = ConnectionTimer(limits: limits, now: 0)
        timer.observe(.responding, now: 0)
        #expect(timer.expiry(now: .max / 2) == nil)
    }

    @Test func trickledBytesDoNotRestartTheHeaderClock() {
        var timer = ConnectionTimer(limits: limits, now: 0)
        timer.observe(.readingHead, now: 10)
        for now in stride(from: UInt64(20), to: 110, by: 10) {
            timer.observe(.readingHead, now: now)  // more head bytes arrived: same activity
        }
        #expect(timer.expiry(now: 110) == .header)
    }

    @Test func aNewPhaseRestartsTheClock() {
        var timer = ConnectionTimer(limits: limits, now: 0)
        timer.observe(.readingHead, now: 0)
        timer.observe(.readingBody, now: 90)
        #expect(timer.expiry(now: 150) == nil)
        #expect(timer.expiry(now: 290) == .body)
    }

    @Test func writeProgressRestartsOnlyTheWriteClock() {
        var timer = ConnectionTimer(limits: limits, now: 0)
        timer.observe(.writing, now: 0)
        timer.noteWriteProgress(now: 40)
        #expect(timer.expiry(now: 80) == nil)
        #expect(timer.expiry(now: 90) == .write)
        timer.observe(.readingHead, now: 100)
        timer.noteWriteProgress(now: 150)
        #expect(timer.expiry(now: 200) == .header)
    }

    @Test func theDefaultTimeoutsAreTheDocumentedValues() {
        let timeouts = HTTPTimeouts.default
        #expect(timeouts.headerTimeout == .seconds(10))
        #expect(timeouts.bodyTimeout == .seconds(30))
        #expect(timeouts.idleTimeout == .seconds(60))
        #expect(timeouts.writeTimeout == .seconds(30))
        #expect(timeouts.lingerTimeout == .seconds(2))
    }
}
