import SuretySchemas

/// Makes monotonic ULIDs: 48 bits of milliseconds from the emulator's clock and 80 seeded random bits.
///
/// Within one millisecond (always, under a stopped manual clock) the random part is incremented, so locators sort
/// in creation order; the same seed and clock give the same locators, which keeps tests and snapshots stable.
public struct ULIDGenerator: Sendable, Hashable {
    /// Everything the generator holds, so a journal can record where it stood (see ``JournalEntry/locators(_:)``).
    public struct State: Sendable, Hashable {
        /// The seed of the next millisecond's random part.
        public var random: UInt64
        /// The millisecond of the last ULID; -1 before the first.
        public var lastMilliseconds: Int64
        /// The last ULID's upper 16 random bits.
        public var high: UInt16
        /// The last ULID's lower 64 random bits.
        public var low: UInt64

        /// Creates a state.
        public init(random: UInt64, lastMilliseconds: Int64, high: UInt16, low: UInt64) {
            self.random = random
            self.lastMilliseconds = lastMilliseconds
            self.high = high
            self.low = low
        }
    }

    /// Where the generator stands.
    public private(set) var state: State

    /// Creates a generator whose random parts come from `seed`.
    public init(seed: UInt64) {
        state = State(random: seed, lastMilliseconds: -1, high: 0, low: 0)
    }

    /// A generator that goes on from `state` exactly as the one it was taken from would.
    public init(state: State) {
        self.state = state
    }

    /// The next ULID at `time`; never smaller than the previous one.
    public mutating func next(at time: Timestamp) -> String { nextValue(at: time).string }

    /// The next ULID at `time` as its 128 bits; never smaller than the previous one.
    public mutating func nextValue(at time: Timestamp) -> ULID {
        let milliseconds = max(time.milliseconds, state.lastMilliseconds)
        if milliseconds == state.lastMilliseconds {
            state.low &+= 1
            if state.low == 0 { state.high &+= 1 }
        } else {
            state.lastMilliseconds = milliseconds
            var source = SeededRandom(seed: state.random)
            state.random = source.next()
            state.high = UInt16(truncatingIfNeeded: source.next()) & 0x7FFF
            state.low = source.next() >> 1
        }
        return ULID(upper: UInt64(max(milliseconds, 0)) << 16 | UInt64(state.high), lower: state.low)
    }

    /// Reserves the next whole block of ``ULIDBlock/size`` ULIDs at `time` (its first has its lowest 10 bits zero);
    /// every ULID made afterwards is larger than the block's last.
    public mutating func reserveBlock(at time: Timestamp) -> ULIDBlock {
        let next = nextValue(at: time)
        var first = ULID(upper: next.upper, lower: next.lower & ~(ULIDBlock.size - 1))
        if first < next { first = first.advanced(by: ULIDBlock.size) }
        let last = first.advanced(by: ULIDBlock.size - 1)
        state.high = UInt16(truncatingIfNeeded: last.upper)
        state.low = last.lower
        return ULIDBlock(first: first)
    }

    /// Crockford's base-32 digits, as bytes.
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Writes the 128 bits as 26 Crockford base-32 characters.
    static func encode(milliseconds: UInt64, high: UInt16, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 26) { buffer in
            write(upper: (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | UInt64(high), lower: low, into: buffer, at: 0)
            return 26
        }
    }

    /// Writes the 128 bits (`upper`: 48 time + 16 high, `lower`: 64 low) as 26 Crockford base-32 characters into
    /// `buffer` from `start`.
    static func write(upper top: UInt64, lower low: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        // Read 5 bits at a time from the top (the first character holds 3).
        for index in 0..<26 {
            // The character's lowest bit, counted from the bottom of the 128: character 25 ends at bit 0.
            let shift = (25 - index) * 5
            let value: UInt64
            if shift >= 64 {
                value = top >> UInt64(shift - 64)
            } else if shift + 5 <= 64 {
                value = low >> UInt64(shift)
            } else {  // straddles the two halves
                value = low >> UInt64(shift) | top << UInt64(64 - shift)
            }
            buffer[start + index] = alphabet[Int(value & 31)]
        }
    }
}
