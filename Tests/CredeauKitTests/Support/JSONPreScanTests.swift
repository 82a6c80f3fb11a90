import Testing
@testable import CredeauKit

/// The cheap gates in front of the request body pre-scans must never skip a body that the full
/// scans would flag, so they are compared with the full scans on random JSON-like texts.
@Suite struct JSONPreScanTests {
    /// Pieces that random texts are built from: number bytes, string and escape bytes, keys,
    /// `$date` markers and plain words.
    private static let pieces: [String] = [
        "0", "1", "9", "92233720368547758", "07", "-", "+", ".", "e", "E", "\"", "\\", "\\\"", ":", ",", "\n", " ",
        "{", "}", "[", "]", "\"n\"", "\"$date\"", "$", "\"$dat", "Rs 500", "abc", "18446744073709551616",
    ]

    private static func randomTexts(count: Int) -> [[UInt8]] {
        var generator = SplitMix64(seed: 20_261_204)
        return (0..<count).map { _ in
            let length = Int.random(in: 0...60, using: &generator)
            var text = ""
            for _ in 0..<length { text += pieces.randomElement(using: &generator)! }
            return Array(text.utf8)
        }
    }

    @Test func gatedIntegerScanMatchesFullScan() {
        var flagged = 0
        for text in Self.randomTexts(count: 20_000) {
            let full = text.withUnsafeBytes { JSONIntegerRange.scanForOversized(in: $0) }
            #expect(JSONIntegerRange.firstOversized(in: text) == full, "\(String(decoding: text, as: UTF8.self))")
            if full != nil { flagged += 1 }
        }
        // The random texts must exercise both outcomes, or the comparison proves little.
        #expect(flagged > 100)
    }

    @Test func numberRunMatchesNaiveSearch() {
        func naive(_ text: [UInt8], _ minLength: Int) -> Bool {
            var run = 0
            for byte in text {
                let isRunByte = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                run = isRunByte ? run + 1 : 0
                if run >= minLength { return true }
            }
            return false
        }
        for text in Self.randomTexts(count: 5_000) {
            for minLength in [1, 2, 5, 19] {
                let gated = text.withUnsafeBytes { JSONIntegerRange.containsRun(in: $0, minLength: minLength) }
                #expect(gated == naive(text, minLength), "\(String(decoding: text, as: UTF8.self)), \(minLength)")
            }
        }
    }

    @Test func nineteenDigitLiteralsAtEveryOffset() {
        // Shifting the literal moves its digits across every probe position of the gate.
        for padding in 0..<40 {
            let inRange = Array(("{\"n\":" + String(repeating: " ", count: padding) + "9223372036854775807}").utf8)
            let outOfRange = Array(("{\"n\":" + String(repeating: " ", count: padding) + "9223372036854775808}").utf8)
            #expect(JSONIntegerRange.firstOversized(in: inRange) == nil)
            #expect(JSONIntegerRange.firstOversized(in: outOfRange)?.text == "9223372036854775808")
        }
    }

    @Test func markerSearchMatchesNaiveSearch() {
        let marker = Array("\"$date\"".utf8)
        func naive(_ text: [UInt8], from start: Int) -> Int? {
            guard start >= 0, text.count >= marker.count, start <= text.count - marker.count else { return nil }
            return (start...(text.count - marker.count)).first { text[$0..<($0 + marker.count)].elementsEqual(marker) }
        }
        var found = 0
        for text in Self.randomTexts(count: 5_000) {
            for start in [0, 1, 7, text.count / 2, text.count] {
                let fast = text.withUnsafeBytes { ExtendedJSONDateCheck.find(marker, in: $0, from: start) }
                #expect(fast == naive(text, from: start), "\(String(decoding: text, as: UTF8.self)), from \(start)")
                if fast != nil { found += 1 }
            }
        }
        #expect(found > 100)
    }

    @Test func invalidDateIsStillFound() throws {
        let text = Array(#"{"sms": [{"sms_inbox_date": {"$date": "2026-02-30T10:00:00Z"}}]}"#.utf8)
        let invalid = try #require(ExtendedJSONDateCheck.firstInvalid(in: text))

        #expect(invalid.key == "sms_inbox_date")
        #expect(invalid.reason.hasPrefix("invalid $date value '2026-02-30T10:00:00Z'"))
        #expect(ExtendedJSONDateCheck.firstInvalid(in: Array(#"{"d": {"$date": 1772541341000}}"#.utf8)) == nil)
    }

    @Test func invalidDateQuotesEscapesAsWritten() throws {
        let text = Array(#"{"sms": [{"sms_inbox_date": {"$date": "abc\u001b[31m\"x"}}]}"#.utf8)
        let invalid = try #require(ExtendedJSONDateCheck.firstInvalid(in: text))

        #expect(invalid.reason.hasPrefix(#"invalid $date value 'abc\u001b[31m\"x':"#))
    }

    @Test func fractionalDateMillisAreNamed() throws {
        for value in ["1.5", "1772541341000.0", "1e12", "-2.5E3"] {
            let text = Array(#"{"sms": [{"sms_inbox_date": {"$date": "#.utf8) + Array(value.utf8) + Array("}}]}".utf8)
            let invalid = try #require(ExtendedJSONDateCheck.firstInvalid(in: text), "\(value)")
            #expect(invalid.key == "sms_inbox_date")
            #expect(invalid.reason.hasPrefix("invalid $date value \(value):"))
        }
        #expect(ExtendedJSONDateCheck.firstInvalid(in: Array(#"{"d": {"$date": -1772541341000}}"#.utf8)) == nil)
    }

    /// `$date` texts that libbson does not read become epoch milliseconds, in both parsers.
    @Test func dateTextsLibbsonRejectsAreRead() throws {
        let forms: [(String, Int64)] = [
            ("2026-03-03T18:05:41+05:30", 1_772_541_341_000), ("2026-03-03T12:35:41Z", 1_772_541_341_000),
            ("2026-03-03", 1_772_476_200_000), ("2026-03-03 18:05:41", 1_772_541_341_000),
        ]
        for (form, millis) in forms {
            let json = #"{"a": "x\"$date\"", "d": {"$date": ""# + form + #""}, "n": [1, {"$date": 5}]}"#
            let tree = try JSONParser.parse(json)
            #expect(tree["d"] == .integer(millis), "\(form)")
            #expect(tree["a"] == .string(#"x"$date""#))
            #expect(tree["n"] == .array([.integer(1), .integer(5)]))
            let parsed = Array(json.utf8).withUnsafeBytes { BSONDocument.parseJSON($0) }
            let document = try #require(try? parsed.get(), "\(form)")
            #expect(document.fields.map(\.key) == ["a", "d", "n"])
        }
        // A text libbson reads is not rewritten, and a body without a `$date` text is left alone.
        #expect(ExtendedJSONDateCheck.rewritingDateTexts(in: Array(#"{"d": {"$date": 5}}"#.utf8)) == nil)
        let rewritten = try #require(ExtendedJSONDateCheck.rewritingDateTexts(in: Array(#"{"d": {"$date": "2026-03-03"}}"#.utf8)))
        #expect(String(decoding: rewritten, as: UTF8.self) == #"{"d": {"$date": {"$numberLong": "1772476200000"}}}"#)
    }
}
