@testable import CredeauKit
import Testing

/// The tape reader over simdjson's DOM tape, and the screen that sends texts to libbson.
@Suite struct JSONTapeTests {
    /// Parses `text` and calls `body` with its tape, recording an issue when simdjson rejects it.
    private func withTape(_ text: String, _ body: (JSONTape) -> Void) {
        let bytes = Array(text.utf8)
        let parsed: Bool? = bytes.withUnsafeBytes { raw in
            JSONTapeParser.withTape(of: raw) { tape in
                body(tape)
                return true
            }
        }
        #expect(parsed == true, "simdjson rejected \(text)")
    }

    private func string(_ tape: JSONTape, at position: Int) -> String {
        String(decoding: tape.stringBytes(at: position), as: UTF8.self)
    }

    @Test func memberCountsOfArraysAndObjects() {
        withTape(#"{"a": [1, "x", null, {"k": 2}], "b": {}, "c": []}"#) { tape in
            let object = tape.rootPosition
            #expect(tape.memberCount(at: object) == 3)
            let array = object + 2
            #expect(tape.kind(at: array) == .arrayStart)
            #expect(tape.memberCount(at: array) == 4)
            let empty = tape.position(after: array) + 1
            #expect(tape.kind(at: empty) == .objectStart)
            #expect(tape.memberCount(at: empty) == 0)
        }
    }

    @Test func tapeWordsOfSmallObject() {
        withTape(#"{"a": "xé\n", "b": [1, -2, null, true, false], "c": {}}"#) { tape in
            #expect(tape.kind(at: 0) == .root)
            #expect(tape.kind(at: tape.count - 1) == .root)
            let object = tape.rootPosition
            #expect(tape.kind(at: object) == .objectStart)
            #expect(string(tape, at: object + 1) == "a")
            #expect(tape.kind(at: object + 2) == .string)
            #expect(string(tape, at: object + 2) == "xé\n")
            #expect(string(tape, at: object + 3) == "b")

            let array = object + 4
            #expect(tape.kind(at: array) == .arrayStart)
            #expect(tape.kind(at: array + 1) == .int64)
            #expect(tape.int64(at: array + 1) == 1)
            #expect(tape.position(after: array + 1) == array + 3)
            #expect(tape.int64(at: array + 3) == -2)
            #expect(tape.kind(at: array + 5) == .null)
            #expect(tape.kind(at: array + 6) == .true)
            #expect(tape.kind(at: array + 7) == .false)
            #expect(tape.kind(at: array + 8) == .arrayEnd)

            // Skipping the array lands on the next key; skipping the root object on the final root word.
            let afterArray = tape.position(after: array)
            #expect(afterArray == array + 9)
            #expect(string(tape, at: afterArray) == "c")
            #expect(tape.kind(at: afterArray + 1) == .objectStart)
            #expect(tape.position(after: afterArray + 1) == afterArray + 3)
            #expect(tape.position(after: object) == tape.count - 1)
        }
    }

    @Test func numberKindsOnTape() {
        withTape("[9223372036854775807, -9223372036854775808, 0]") { tape in
            #expect(tape.hasOnlyInt64Numbers())
            #expect(tape.int64(at: 2) == Int64.max)
            #expect(tape.int64(at: 4) == Int64.min)
        }
        withTape("[1, 9223372036854775808]") { tape in
            #expect(tape.kind(at: 4) == .uint64)
            #expect(!tape.hasOnlyInt64Numbers())
        }
        withTape(#"{"a": [1, {"b": 2.5}]}"#) { tape in
            #expect(!tape.hasOnlyInt64Numbers())
        }
        // A number's value word is not read as a type word: 0x6400… has the top byte of `d`.
        withTape("[\(Int64(0x64) << 56), 3]") { tape in
            #expect(tape.hasOnlyInt64Numbers())
        }
    }

    @Test func stringsWithEscapesAndLengths() {
        let long = String(repeating: "ab", count: 40_000)
        withTape(#"["", "\"\\\/\u20b9", "\#(long)"]"#) { tape in
            #expect(string(tape, at: 2) == "")
            #expect(string(tape, at: 3) == "\"\\/₹")
            #expect(tape.stringBytes(at: 4).count == 80_000)
        }
    }

    @Test func parserRejectsInvalidText() {
        let deep = String(repeating: "[", count: JSONTapeParser.maxDepth + 1) + String(repeating: "]", count: JSONTapeParser.maxDepth + 1)
        let allowed = String(repeating: "[", count: JSONTapeParser.maxDepth) + String(repeating: "]", count: JSONTapeParser.maxDepth)
        for text in ["", "{", #"{"a": 1} {}"#, #"{"a": 01}"#, "[NaN]", "[\"\u{01}\"]", deep] {
            let parsed: Bool? = Array(text.utf8).withUnsafeBytes { raw in JSONTapeParser.withTape(of: raw) { _ in true } }
            #expect(parsed == nil, "accepted \(text)")
        }
        let parsed: Bool? = Array(allowed.utf8).withUnsafeBytes { raw in JSONTapeParser.withTape(of: raw) { _ in true } }
        #expect(parsed == true)

        // A valid text one byte over the size limit goes to libbson.
        let padding = String(repeating: " ", count: JSONTapeParser.maxTextBytes - 1)
        let oversized: Bool? = Array(("[]" + padding).utf8).withUnsafeBytes { raw in
            JSONTapeParser.withTape(of: raw) { _ in true }
        }
        #expect(oversized == nil)
        let largest: Bool? = Array(("[]" + padding.dropLast()).utf8).withUnsafeBytes { raw in
            JSONTapeParser.withTape(of: raw) { _ in true }
        }
        #expect(largest == true)
    }

    @Test func screenFindsLibBSONForms() {
        func isPlain(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBytes { JSONTapeScreen.isPlainJSON($0) }
        }
        // An escaped backslash before `u0000` is screened too, which only costs speed.
        #expect(!isPlain(#"{"c": "\\u0000"}"#))
        #expect(isPlain(#"{"a": "5 $", "b": "\u00e9\n\u0905\ud7ff"}"#))
        #expect(!isPlain(#"{"a": {"$oid": "x"}}"#))
        #expect(!isPlain(#"{"a": "$5"}"#))
        #expect(!isPlain(#"{"a": "\u0000"}"#))
        #expect(!isPlain(#"{"\u0024date": 1}"#))
        #expect(!isPlain(#"{"a": "\uD83D\uDE00"}"#))
        #expect(!isPlain(#"{"a": "\udfff"}"#))
        #expect(!isPlain("\u{FEFF}{}"))
    }

    @Test func isoDatesOfLibBSONForm() {
        func millis(_ text: String) -> Int64? {
            Array(text.utf8).withUnsafeBytes { JSONTapeExtendedJSON.utcMillis(iso: $0) }
        }
        #expect(millis("1970-01-01T00:00:00Z") == 0)
        #expect(millis("2026-03-14T15:33:20Z") == 1_773_502_400_000)
        #expect(millis("2026-03-14T15:33:20.007Z") == 1_773_502_400_007)
        #expect(millis("2024-02-29T23:59:59.999Z") == 1_709_251_199_999)
        for text in ["1969-12-31T23:59:59Z", "2026-02-29T00:00:00Z", "2026-03-14T24:00:00Z", "2026-03-14T15:60:00Z",
                     "2026-03-14T15:33:20", "2026-03-14T15:33:20.5Z", "2026-03-14 15:33:20Z", "2026-03-14T15:33:20+00:00",
                     "2026-3-14T15:33:20Z", "+026-03-14T15:33:20Z"] {
            #expect(millis(text) == nil, "\(text)")
        }
    }
}
