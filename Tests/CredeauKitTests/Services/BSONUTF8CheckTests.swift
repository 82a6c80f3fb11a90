import CBSON
import Testing
@testable import CredeauKit

/// `credeau_utf8_validate`, the ASCII fast path of the BSON response check, returns what
/// libbson's `bson_utf8_validate` returns for any bytes.
@Suite struct BSONUTF8CheckTests {
    /// Pieces that make ASCII, NUL, valid multi-byte characters and invalid sequences.
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("sms_id".utf8), Array("Rs 100.50 debited".utf8), [0], [0x7F], [0x01],
        Array("é".utf8), Array("₹".utf8), Array("🏦".utf8), Array("ब".utf8), [0x80], [0xC3], [0xC3, 0x28], [0xE2, 0x82],
        [0xF0, 0x9F, 0x8F], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ]

    private static func bothAgree(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                let base = text.baseAddress ?? UnsafePointer<CChar>(bitPattern: 1)!
                return [true, false].allSatisfy { allowNull in
                    credeau_utf8_validate(base, text.count, allowNull) == bson_utf8_validate(base, text.count, allowNull)
                }
            }
        }
    }

    @Test func matchesLibbson() {
        var random = SplitMix64(seed: 42)
        var checked = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let pieceCount = Int(random.next() % 12)
            for _ in 0..<pieceCount {
                bytes += Self.pieces[Int(random.next() % UInt64(Self.pieces.count))]
            }
            #expect(Self.bothAgree(bytes), "bytes \(bytes)")
            checked += 1
        }
        #expect(checked == 20_000)
    }

    @Test func checksEveryLengthAndPlace() {
        // A lone high byte or NUL at each position of texts around the 8-byte steps.
        for length in 0...33 {
            let ascii = [UInt8](repeating: UInt8(ascii: "x"), count: length)
            #expect(Self.bothAgree(ascii), "length \(length)")
            for position in 0..<length {
                for odd: UInt8 in [0, 0x80, 0xC3, 0xFF] {
                    var bytes = ascii
                    bytes[position] = odd
                    #expect(Self.bothAgree(bytes), "length \(length), byte \(odd) at \(position)")
                }
            }
        }
    }
}
