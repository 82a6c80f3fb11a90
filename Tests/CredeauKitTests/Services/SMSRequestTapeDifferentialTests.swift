@testable import CredeauKit
import Testing

/// `SMSExtractionRequest.parse` reads most bodies from simdjson's tape and the rest with libbson.
/// These cases run every body through `parse` and through the libbson path alone, and require the
/// same requests and the same error responses, byte for byte.
@Suite struct SMSRequestTapeDifferentialTests {
    /// What parsing a body produced: the request's values, or the error's status and response body.
    private enum Outcome: Equatable {
        case request(clientID: String, userID: String, requestID: String?, sms: [RawSMS])
        case error(status: Int, body: [UInt8])
        case other(String)
    }

    private static func outcome(_ parse: () throws -> SMSExtractionRequest) -> Outcome {
        do {
            let request = try parse()
            return .request(clientID: request.clientID, userID: request.userID, requestID: request.requestID,
                            sms: request.sms)
        } catch let error as any HTTPResponseError {
            return .error(status: error.status, body: error.response(requestID: "r").body)
        } catch {
            return .other(String(describing: error))
        }
    }

    /// Returns true when the tape path read the body, after checking that `parse` and the libbson
    /// path give the same outcome.
    @discardableResult
    private static func expectSameOutcome(_ body: [UInt8], maxSMSCount: Int = 8,
                                          sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let reference = outcome { try SMSExtractionRequest.parseWithLibBSON(body, maxSMSCount: maxSMSCount) }
        let actual = outcome { try SMSExtractionRequest.parse(body, maxSMSCount: maxSMSCount) }
        let text = String(decoding: body, as: UTF8.self)
        #expect(actual == reference, "body: \(text)", sourceLocation: sourceLocation)
        let tapeRead = (try? SMSExtractionRequest.decodeTape(body, maxSMSCount: maxSMSCount)) != nil
        return tapeRead
    }

    private static func expectSameOutcome(_ text: String, maxSMSCount: Int = 8,
                                          sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        expectSameOutcome(Array(text.utf8), maxSMSCount: maxSMSCount, sourceLocation: sourceLocation)
    }

    private static let item = #"{"sms_id": "a1", "sms_sender": "VM-HDFCBK", "sms_body": "Rs 10 debited", "sms_inbox_date": 1700000000000}"#

    /// Wraps items in a body with the usual top-level fields.
    private static func body(_ items: String..., extra: String = "") -> String {
        #"{"client_id": "c1", "user_id": "u1", "request_id": "q1", "sms": [\#(items.joined(separator: ", "))]\#(extra)}"#
    }

    @Test func commonBodiesReadFromTape() {
        #expect(Self.expectSameOutcome(Self.body(Self.item)))
        #expect(Self.expectSameOutcome(Self.body(Self.item, #"{"sms_id": 7, "sms_sender": null, "sms_body": "", "sms_inbox_date": "2026-03-03 18:05:41"}"#)))
        #expect(Self.expectSameOutcome(#"{"client_id": "c", "user_id": "u", "sms": []}"#))
        #expect(Self.expectSameOutcome(" \n\t{\"client_id\": \"c\", \"user_id\": \"u\", \"sms\": []} \r\n"))
        // Escapes and non-ASCII text, decoded by each parser.
        #expect(Self.expectSameOutcome(Self.body(#"{"sms_id": "é\u00e9\n", "sms_body": "a\"b\\c\/d\b\f\n\r\t \u0905\u20b9 ₹ 😀", "sms_inbox_date": 0}"#)))
        // Repeated keys: the last one wins at both levels.
        #expect(Self.expectSameOutcome(#"{"client_id": "x", "user_id": "u", "client_id": "c", "sms": [], "sms": [\#(Self.item)]}"#))
        #expect(Self.expectSameOutcome(Self.body(#"{"sms_id": "a", "sms_id": 5, "sms_body": "b", "sms_inbox_date": 1, "sms_inbox_date": 2}"#)))
        // Unknown keys with every kind of value, nested.
        #expect(Self.expectSameOutcome(Self.body(Self.item, extra: #", "x": {"y": [1, -2, true, false, null, "z", {"w": []}]}"#)))
        #expect(Self.expectSameOutcome(Self.body(#"{"sms_id": -9223372036854775808, "sms_body": "b", "sms_inbox_date": 4133960999999}"#)))
    }

    @Test func unusualBodiesGoToLibBSON() {
        let cases = [
            "", " ", "null", "[]", "[\(Self.item)]", "\"text\"", "12", "{}", "{", "}",
            "\u{FEFF}" + Self.body(Self.item),
            Self.body(Self.item) + " {}", Self.body(Self.item) + ",", Self.body(Self.item) + "x",
            Self.body(Self.item, extra: #", "n": 1e400"#), Self.body(Self.item, extra: #", "n": -1e400"#),
            Self.body(Self.item, extra: #", "n": 1e-400"#), Self.body(Self.item, extra: #", "n": 1.5"#),
            Self.body(Self.item, extra: #", "n": -0"#), Self.body(Self.item, extra: #", "n": -0.0"#),
            Self.body(Self.item, extra: #", "n": 9223372036854775808"#),
            Self.body(Self.item, extra: #", "n": 18446744073709551615"#),
            Self.body(Self.item, extra: #", "n": 18446744073709551616"#),
            Self.body(Self.item, extra: #", "n": -9223372036854775809"#),
            Self.body(Self.item, extra: #", "n": 012"#), Self.body(Self.item, extra: #", "n": NaN"#),
            Self.body(Self.item, extra: #", "n": Infinity"#), Self.body(Self.item, extra: #", "n": +1"#),
            Self.body(#"{"sms_id": -0, "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": 1.0, "sms_body": "b", "sms_inbox_date": 1e3}"#),
            Self.body(#"{"sms_id": 1e20, "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": 18446744073709551615, "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(Self.item, extra: #", "o": {"$oid": "0123456789abcdef01234567"}"#),
            Self.body(Self.item, extra: #", "d": {"$date": 1700000000000}"#),
            Self.body(Self.item, extra: #", "d": {"$date": "bad"}"#),
            Self.body(Self.item, extra: #", "d": {"$numberLong": "12"}"#),
            Self.body(Self.item, extra: #", "d": {"\u0024date": 5}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "b", "sms_inbox_date": {"$date": 1700000000000}}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "$5 paid", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a\u0000b", "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "\ud800", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "\udc00x", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "\ud83d\ude00", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "\ud83d", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "\u12", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "\x", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "tab\there", "sms_inbox_date": 1}"#).replacingOccurrences(of: "\\t", with: "\t"),
            Self.body(#"{"sms_id": "a", "sms_body": "b", "sms_inbox_date": "not a date"}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "b", "sms_inbox_date": -1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": "b", "sms_inbox_date": 4133961000000}"#),
            Self.body(#"{"sms_id": "", "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_body": null, "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "a", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": true, "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "\#(String(repeating: "x", count: 129))", "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body(#"{"sms_id": "\#(String(repeating: "क", count: 50))", "sms_body": "b", "sms_inbox_date": 1}"#),
            Self.body("[]", "1", "null"),
            #"{"client_id": "", "user_id": "u", "sms": []}"#, #"{"client_id": 5, "user_id": "u", "sms": []}"#,
            #"{"client_id": "c", "user_id": "u", "sms": {}}"#, #"{"client_id": "c", "user_id": "u"}"#,
            #"{"client_id": "c", "user_id": "u", "request_id": 5, "sms": []}"#,
            #"{"client_id": "c", "user_id": "u", "sms": 5, "sms": []}"#,
            #"{"client_id": "c", "user_id": "u", "sms": [], "sms": 5}"#,
        ]
        for text in cases {
            Self.expectSameOutcome(text)
        }
        // Invalid UTF-8: a lone continuation byte, an overlong `/`, a surrogate, a truncated sequence.
        for bytes: [UInt8] in [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE0, 0xA4], [0xF4, 0x90, 0x80, 0x80], [0xFF]] {
            let text = Array(#"{"client_id": "c", "user_id": "u", "sms": [{"sms_id": "a", "sms_body": ""#.utf8)
            Self.expectSameOutcome(text + bytes + Array(#"", "sms_inbox_date": 1}]}"#.utf8))
        }
    }

    @Test func tooManySMSOnBothPaths() {
        let items = Array(repeating: Self.item, count: 9)
        #expect(Self.expectSameOutcome(Self.body(items.joined(separator: ", ")), maxSMSCount: 8) == false)
        #expect(Self.expectSameOutcome(Self.body(items.joined(separator: ", ")), maxSMSCount: 9))
        let withBadItem = [#"{"sms_id": true}"#] + items
        Self.expectSameOutcome(Self.body(withBadItem.joined(separator: ", ")), maxSMSCount: 8)
    }

    @Test func nestingNearDepthLimits() {
        for depth in [60, 62, 63, 64, 65, 99, 100, 101, 120] {
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            Self.expectSameOutcome(Self.body(Self.item, extra: #", "deep": \#(nested)"#))
        }
    }
    @Test func generatedAndMutatedBodies() {
        var random = SplitMix64(seed: 20_261_205)
        var tapeReads = 0
        var mutatedTapeReads = 0
        for _ in 0..<1_500 {
            let body = Array(Self.generatedBody(&random).utf8)
            if Self.expectSameOutcome(body) { tapeReads += 1 }
            for _ in 0..<4 {
                let mutated = Self.mutate(body, &random)
                if Self.expectSameOutcome(mutated) { mutatedTapeReads += 1 }
            }
        }
        // Most generated bodies are valid and plain, and a share of the mutated ones stay so.
        #expect(tapeReads > 300)
        #expect(mutatedTapeReads > 100)
    }

    /// A request with random field order, value forms, escapes, unknown keys and repeats.
    private static func generatedBody(_ random: inout SplitMix64) -> String {
        let itemCount = Int.random(in: 0...4, using: &random)
        let items = (0..<itemCount).map { _ in generatedItem(&random) }
        let longClient = String(repeating: "c", count: 128)
        var members = [
            #""client_id": \#(pick(["\"c1\"", "\"é\"", "\"\"", "7", "null", "\"\(longClient)\""], &random))"#,
            #""user_id": \#(pick(["\"u1\"", "\"user\\n\"", "\"u\\u00e9\""], &random))"#,
            #""sms": [\#(items.joined(separator: ", "))]"#,
        ]
        if Bool.random(using: &random) {
            members.append(#""request_id": \#(pick(["null", "\"q1\"", "\"\"", "5", "\"q\\\"\""], &random))"#)
        }
        if Bool.random(using: &random) { members.append(#""extra": \#(unknownValue(&random))"#) }
        if Int.random(in: 0..<8, using: &random) == 0 { members.append(#""client_id": "again""#) }
        members.shuffle(using: &random)
        return "{" + members.joined(separator: pick([", ", ",", ",\n  "], &random)) + "}"
    }

    private static func generatedItem(_ random: inout SplitMix64) -> String {
        let longID = String(repeating: "i", count: 129)
        let longSender = String(repeating: "s", count: 129)
        var members = [
            #""sms_id": \#(pick(["\"a1\"", "42", "-3", "0", "\"\"", "1.5", "true", "9223372036854775807", "\"\(longID)\""], &random))"#,
            #""sms_body": \#(pick(bodies, &random))"#,
            #""sms_inbox_date": \#(pick(dates, &random))"#,
        ]
        if Bool.random(using: &random) {
            members.append(#""sms_sender": \#(pick(["null", "\"VM-HDFCBK\"", "\"\"", "5", "\"\(longSender)\""], &random))"#)
        }
        if Bool.random(using: &random) { members.append(#""note": \#(unknownValue(&random))"#) }
        if Int.random(in: 0..<6, using: &random) == 0 { members.removeFirst() }
        members.shuffle(using: &random)
        return "{" + members.joined(separator: ", ") + "}"
    }

    private static let bodies = [
        #""Rs 10 debited from a/c XX1234""#, #""""#, #""line\nbreak \"quoted\" back\\slash""#,
        #""\u0905\u092e\u093e\u0909\u0902\u091f ₹500""#, #""emoji 😀 and \ud83d\ude00""#, #""tab\tand \/ slash""#,
        #""nul \u0000 inside""#, #""$ amount""#, "null", "12",
    ]

    private static let dates = [
        "1700000000000", "0", "-1", "\"2026-03-03 18:05:41\"", "\"2026-03-03T18:05:41Z\"", "\"20260303\"",
        "\"bad\"", "1.7e12", "4133960999999", "4133961000000", #"{"$date": 1700000000000}"#, "null",
    ]

    private static func unknownValue(_ random: inout SplitMix64) -> String {
        pick([
            "1", "-0", "2.5", "1e400", "18446744073709551615", "99999999999999999999", "true", "null",
            #""text""#, #"{"a": [1, {"b": null}]}"#, #"{"$oid": "0123456789abcdef01234567"}"#, "[[[[]]]]",
            #"{"\u0024numberLong": "5"}"#, #""\ud800""#,
        ], &random)
    }

    /// Returns the first choice, a common valid form, two times in three, and otherwise any choice.
    private static func pick(_ choices: [String], _ random: inout SplitMix64) -> String {
        if Int.random(in: 0..<3, using: &random) < 2 { return choices[0] }
        return choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    /// Replaces, inserts or deletes a few bytes, or truncates the body.
    private static func mutate(_ body: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = body
        let interesting: [UInt8] = Array(#"{}[]",:\u0$-+.eE19 "#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xE0, 0xED, 0xFF]
        for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes[position] = interesting[Int.random(in: 0..<interesting.count, using: &random)]
            case 1: bytes.insert(interesting[Int.random(in: 0..<interesting.count, using: &random)], at: position)
            case 2: bytes.remove(at: position)
            default: bytes.removeSubrange(position...)
            }
        }
        return bytes
    }
}
