import Testing
@testable import CredeauKit

/// The pointer-based JSON writers must produce the bytes that `extract` output and the serve-sms
/// responses had before. The reference here escapes strings one Unicode scalar at a time and
/// formats amounts with the earlier String-based code.
@Suite struct JSONWriterEquivalenceTests {
    private enum Reference {
        static func appendString(_ text: String, to buffer: inout [UInt8]) {
            buffer.append(UInt8(ascii: "\""))
            let scalars = Array(text.unicodeScalars)
            for scalar in scalars {
                switch scalar.value {
                case 0x22: buffer.append(contentsOf: Array("\\\"".utf8))
                case 0x5C: buffer.append(contentsOf: Array("\\\\".utf8))
                case 0x0A: buffer.append(contentsOf: Array("\\n".utf8))
                case 0x0D: buffer.append(contentsOf: Array("\\r".utf8))
                case 0x09: buffer.append(contentsOf: Array("\\t".utf8))
                case 0x08: buffer.append(contentsOf: Array("\\b".utf8))
                case 0x0C: buffer.append(contentsOf: Array("\\f".utf8))
                case 0x00..<0x20, 0x2028, 0x2029:
                    let hex = String(scalar.value, radix: 16)
                    buffer.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
                default:
                    buffer.append(contentsOf: Array(String(scalar).utf8))
                }
            }
            buffer.append(UInt8(ascii: "\""))
        }

        static func amount(_ value: Double) -> String? {
            guard value.isFinite, abs(value) < 9e13 else { return nil }
            let cents = Int64((value * 100).rounded())
            let magnitude = cents.magnitude
            var text = cents < 0 ? "-" : ""
            text += String(magnitude / 100)
            let fraction = magnitude % 100
            if fraction != 0 {
                text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
            }
            return text
        }

        static func append(values: [ExtractedFieldValue], to buffer: inout [UInt8]) {
            for (index, (name, value)) in zip(ExtractedSMSColumns.names, values).enumerated() {
                buffer.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
                appendString(name, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                switch value {
                case .null: buffer.append(contentsOf: Array("null".utf8))
                case let .text(text): appendString(text, to: &buffer)
                case let .bool(flag): buffer.append(contentsOf: Array((flag ? "true" : "false").utf8))
                case let .amount(rupees): buffer.append(contentsOf: Array((amount(rupees) ?? "null").utf8))
                }
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    private static let textPieces: [String] = [
        "Rs", " ", "500.00", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}",
        "\u{7F}", "₹", "…", "\u{2028}", "\u{2029}", "\u{2027}", "😀", "é", "debited from A/c XX1234",
        String(repeating: "x", count: 300),
    ]

    private static func randomText(using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...12, using: &generator)
        return (0..<count).map { _ in textPieces.randomElement(using: &generator)! }.joined()
    }

    private static func randomAmount(using generator: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: return Double(Int.random(in: -100_000...100_000, using: &generator)) / 100
        case 1: return Double.random(in: -1e6...1e6, using: &generator)
        case 2: return Double.random(in: -9.5e13...9.5e13, using: &generator)
        case 3: return [Double.nan, .infinity, -.infinity, 0, -0.0, 0.004, -0.005, 0.005, 8.99e13, 9e13][
            Int.random(in: 0..<10, using: &generator)]
        case 4: return Double(Int.random(in: 0...1_000_000, using: &generator))
        default: return Double.random(in: 0...1, using: &generator)
        }
    }

    @Test func entriesMatchReferenceWriter() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...ExtractedSMSColumns.names.count + 2, using: &generator)
            let values: [ExtractedFieldValue] = (0..<count).map { _ in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return .null
                case 1: return .bool(Bool.random(using: &generator))
                case 2: return .amount(Self.randomAmount(using: &generator))
                default: return .text(Self.randomText(using: &generator))
                }
            }
            var written: [UInt8] = Array("prefix,".utf8)
            var expected = written
            JSONLinesWriter.append(values: values, to: &written)
            Reference.append(values: values, to: &expected)
            #expect(written == expected, "\(values)")
        }
    }

    @Test func stringsMatchReference() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let text = Self.randomText(using: &generator)
            var expected: [UInt8] = []
            Reference.appendString(text, to: &expected)
            #expect(JSONText.quoted(text) == String(decoding: expected, as: UTF8.self), "\(text.debugDescription)")
        }
    }

    @Test func amountsMatchReference() {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<50_000 {
            let value = Self.randomAmount(using: &generator)
            #expect(JSONText.amount(value) == Reference.amount(value), "\(value)")
        }
    }
}
