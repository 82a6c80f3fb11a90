import Foundation
import Testing
@testable import CredeauKit

@Suite struct JSONTextTests {
    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("C:\\path", "\"C:\\\\path\""),
        ("a\nb\r\tc", "\"a\\nb\\r\\tc\""),
        ("\u{08}\u{0C}", "\"\\b\\f\""),
        ("\u{00}\u{01}\u{1F}", "\"\\u0000\\u0001\\u001f\""),
        ("₹ 500 🙏", "\"₹ 500 🙏\""),
        ("line\u{2028}sep\u{2029}", "\"line\\u2028sep\\u2029\""),
        ("dots… end\u{2028}", "\"dots… end\\u2028\""),
        ("", "\"\""),
    ])
    func escapesStrings(text: String, json: String) {
        #expect(JSONText.quoted(text) == json)
    }

    @Test(arguments: ["quote \" back \\ nul \u{00} bell \u{07} rupee ₹ emoji 😀 / slash", "\u{7F}\u{80}é", "\u{1F}\u{20}"])
    func escapedStringsDecodeBack(text: String) throws {
        let json = "[" + JSONText.quoted(text) + "]"
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test(arguments: [
        (1500.0, "1500"), (1500.5, "1500.5"), (12.05, "12.05"), (0.1 + 0.2, "0.3"), (99.999, "100"),
        (-250.75, "-250.75"), (-0.5, "-0.5"), (0.004, "0"), (1234567.891, "1234567.89"),
    ])
    func formatsAmounts(value: Double, text: String) {
        #expect(JSONText.amount(value) == text)
    }

    @Test func nonFiniteAmountsHaveNoText() {
        #expect(JSONText.amount(.nan) == nil)
        #expect(JSONText.amount(.infinity) == nil)
    }

    /// Returns `text` escaped as `quoted` documents it, one scalar at a time, as the reference
    /// for the word-at-a-time scan.
    private static func referenceQuoted(_ text: String) -> String {
        var json = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case "\u{08}": json += "\\b"
            case "\u{0C}": json += "\\f"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    json += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    json.unicodeScalars.append(scalar)
                }
            }
        }
        return json + "\""
    }

    @Test func escapesLikeTheScalarByScalarReference() {
        // Pieces whose bytes fall on every offset of an eight-byte word, escapes next to long
        // plain runs, and the multi-byte characters that share 0xE2 with U+2028 and U+2029.
        let pieces = ["a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}",
                      "\u{7F}", "₹", "…", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "😀", "é", "नमस्ते",
                      " ", "0123456789", "\u{20}", "!", "#", "[", "]", "]^_", "ABCDEFGH"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces.flatMap { piece in (0..<17).map { String(repeating: "x", count: $0) + piece } }
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...12, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(JSONText.quoted(text) == Self.referenceQuoted(text), "\(Array(text.utf8))")
        }
    }

    @Test func wordTestFindsEveryCandidateByteInEveryLane() {
        for lane in 0..<8 {
            for byte in 0...255 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[lane] = UInt8(byte)
                let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let isCandidate = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
                #expect(JSONText.mayNeedEscape(value) == isCandidate, "byte \(byte) in lane \(lane)")
            }
        }
    }

    /// The entry writer reads each text through `withCString`, so it must copy every byte of
    /// small and large strings, NUL bytes included, as `quoted` does.
    @Test func entryObjectsQuoteTextsLikeQuoted() {
        let texts = ["", "a", "\u{0}", "nul\u{0}in the middle", "short ₹", "fifteen bytes!!", "sixteen bytes!!!",
                     "नमस्ते दुनिया 😀 \"quoted\" \\ back", "line\u{2028}sep\ttab\u{1F}", String(repeating: "long text ", count: 40)]
        let names = ExtractedSMSColumns.names
        for shift in texts.indices {
            var values: [ExtractedFieldValue] = []
            var expected = ""
            for (column, name) in names.enumerated() {
                let value: ExtractedFieldValue
                let json: String
                switch (column + shift) % 13 {
                case 10:
                    (value, json) = (.null, "null")
                case 11:
                    (value, json) = (.bool(column % 2 == 0), column % 2 == 0 ? "true" : "false")
                case 12:
                    (value, json) = (.amount(1234.5), "1234.5")
                default:
                    let text = texts[(column + shift) % texts.count]
                    (value, json) = (.text(text), JSONText.quoted(text))
                }
                values.append(value)
                expected += (column == 0 ? "{" : ",") + JSONText.quoted(name) + ":" + json
            }
            var buffer: [UInt8] = []
            JSONLinesWriter.append(values: values, to: &buffer)
            #expect(String(decoding: buffer, as: UTF8.self) == expected + "}", "shift \(shift)")
        }
    }
}
