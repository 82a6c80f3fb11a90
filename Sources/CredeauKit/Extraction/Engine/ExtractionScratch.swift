internal import Synchronization

/// Buffers one extraction needs: the normalised body bytes, their lower-cased copy, the bigram
/// filter and PCRE2 match data. Reused across calls through `ScratchPool`, so a warm extractor
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
    var bigrams = BigramFilter()
    let matchData: PCRE2MatchData
    /// Sender lookups by raw sender, because an inbox repeats a few dozen headers thousands of
    /// times. Cleared when it reaches `maxCachedSenders`, which bounds it on odd input.
    var senders: [String: SenderLookup] = [:]
    static let maxCachedSenders = 2048

    init(groupCapacity: Int) {
        matchData = PCRE2MatchData(groupCapacity: groupCapacity)
    }

    deinit {
        casedBuffer.deallocate()
        lowerBuffer.deallocate()
    }

    var cased: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: casedBuffer, count: count) }
    var lower: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: lowerBuffer, count: count) }

    /// Fills the buffers from `body`, cut at `SMSText.maxBytes` on a character boundary and
    /// then normalised by `BodyNormaliser`.
    func load(_ body: String) {
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
        bigrams.reset(lower)
    }
}

/// A 1024-bit set of hashed byte pairs present in a body. A keyword whose pairs are not all in
/// the set cannot occur, which rejects most keyword gates without a substring search.
struct BigramFilter {
    private var words = [UInt64](repeating: 0, count: 16)

    static func bit(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) &* 31 &+ Int(second)) & 1023
    }

    mutating func reset(_ bytes: UnsafeBufferPointer<UInt8>) {
        for index in 0..<16 { words[index] = 0 }
        guard bytes.count >= 2 else { return }
        for index in 1..<bytes.count {
            let bit = Self.bit(bytes[index - 1], bytes[index])
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    func mayContain(_ keyword: Keyword) -> Bool {
        for bit in keyword.bigramBits where words[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
            return false
        }
        return true
    }
}

/// A free list of scratch buffers shared by the threads calling one extractor.
final class ScratchPool: Sendable {
    private let free = Mutex<[ExtractionScratch]>([])
    private let groupCapacity: Int
    /// Buffers kept beyond this many are dropped, which bounds memory after a burst of threads.
    private let maxKept = 64

    init(groupCapacity: Int) {
        self.groupCapacity = groupCapacity
    }

    func withScratch<Result>(_ body: (ExtractionScratch) -> Result) -> Result {
        let scratch = free.withLock { $0.popLast() } ?? ExtractionScratch(groupCapacity: groupCapacity)
        let result = body(scratch)
        free.withLock { list in
            if list.count < maxKept { list.append(scratch) }
        }
        return result
    }
}
