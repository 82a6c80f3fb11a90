internal import Synchronization

/// Buffers one extraction needs: the normalised body bytes, their lower-cased copy, the open
/// keyword gates and PCRE2 match data. Reused across calls through `ScratchPool`, so a warm extractor
/// does not allocate them per SMS.
///
/// `@unchecked Sendable` because the pool hands each instance to one thread at a time; nothing
/// else shares it.
final class ExtractionScratch: @unchecked Sendable {
    /// The normalised body, `count` bytes of `SMSText.maxBytes`, which is enough because
    /// normalising never lengthens the cut body.
    private let casedBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: SMSText.maxBytes)
    private let lowerBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: SMSText.maxBytes)
    private(set) var count = 0
    /// One bit per `KeywordGate` of the pack, filled by `load`.
    let gateHits: UnsafeMutablePointer<UInt64>
    /// Per gate, the offset just past its first keyword in the body; read only for open gates.
    let gateEnds: UnsafeMutablePointer<Int32>
    private let gateWords: Int
    let matchData: PCRE2MatchData
    /// Sender lookups by raw sender, because an inbox repeats a few dozen headers thousands of
    /// times. Cleared when it reaches `maxCachedSenders`, which bounds it on odd input.
    var senders: [String: SenderLookup] = [:]
    static let maxCachedSenders = 2048

    init(groupCapacity: Int, gateWords: Int) {
        matchData = PCRE2MatchData(groupCapacity: groupCapacity)
        self.gateWords = gateWords
        gateHits = .allocate(capacity: gateWords)
        gateHits.initialize(repeating: 0, count: gateWords)
        gateEnds = .allocate(capacity: gateWords * 64)
        gateEnds.initialize(repeating: 0, count: gateWords * 64)
    }

    deinit {
        casedBuffer.deallocate()
        lowerBuffer.deallocate()
        gateHits.deallocate()
        gateEnds.deallocate()
    }

    var cased: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: casedBuffer, count: count) }
    var lower: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: lowerBuffer, count: count) }

    /// Fills the buffers from `body`, cut at `SMSText.maxBytes` on a character boundary and
    /// then normalised by `BodyNormaliser`, and marks the gates of `gates` that the body opens.
    func load(_ body: String, gates: KeywordAutomaton) {
        var body = body
        body.withUTF8 { bytes in
            var end = min(bytes.count, SMSText.maxBytes)
            if end < bytes.count {
                // Cut before the character the limit falls in, because PCRE2 runs without its
                // UTF-8 validity check and must never see half a character.
                while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
            count = BodyNormaliser.normalise(UnsafeBufferPointer(rebasing: bytes[0..<end]), cased: casedBuffer,
                                             lower: lowerBuffer)
        }
        precondition(gates.gateWords == gateWords, "scratch buffers built for another rule pack")
        gates.scan(lower, into: gateHits, ends: gateEnds)
    }
}

/// A free list of scratch buffers shared by the threads calling one extractor.
final class ScratchPool: Sendable {
    private let free = Mutex<[ExtractionScratch]>([])
    private let groupCapacity: Int
    private let gateWords: Int
    /// Buffers kept beyond this many are dropped, which bounds memory after a burst of threads.
    private let maxKept = 64

    init(groupCapacity: Int, gateWords: Int) {
        self.groupCapacity = groupCapacity
        self.gateWords = gateWords
    }

    func withScratch<Result>(_ body: (ExtractionScratch) throws -> Result) rethrows -> Result {
        let scratch = free.withLock { $0.popLast() } ?? ExtractionScratch(groupCapacity: groupCapacity, gateWords: gateWords)
        defer {
            free.withLock { list in
                if list.count < maxKept { list.append(scratch) }
            }
        }
        return try body(scratch)
    }
}
