@testable import CredeauKit
import Testing

/// `textHash`, the body hash behind duplicate SMS in the features: equal texts hash alike and
/// close but different texts do not.
@Suite struct TextHashTests {
    @Test func equalTextsHashAlike() {
        let body = "Rs.1240.00 debited from A/c XX7316 on 03-03-26. Aval Bal Rs.8615.30 ₹ जमा"
        let copy = String(decoding: Array(body.utf8), as: UTF8.self)
        #expect(textHash(body) == textHash(copy))
        #expect(textHash("") == textHash(String()))
    }

    @Test func nearTextsHashApart() {
        var texts: [String] = ["", "\u{0}", "\u{0}\u{0}", "a", "a\u{0}", "ab", "ba"]
        let base = "Rs 500.00 credited to A/c XX1234 on 01-03-26 by UPI Ref 607712345678"
        for length in 0...base.utf8.count {
            texts.append(String(base.utf8.prefix(length))!)
        }
        // Every one-byte change of the base text, at every position.
        for position in 0..<base.utf8.count {
            var bytes = Array(base.utf8)
            bytes[position] = bytes[position] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        for number in 0..<5_000 {
            texts.append("OTP \(number) for login. Do not share. \(number * 7919)")
        }
        let distinct = Set(texts)
        let hashes = Set(distinct.map(textHash))
        #expect(hashes.count == distinct.count)
    }
}
