import Foundation
import Testing
@testable import CredeauKit

/// One malformed record in a bad fixture, where the reader must report it.
struct ExpectedProblem: Sendable, CustomStringConvertible {
    var file: String
    var location: RecordLocation
    var field: String?
    var reasonPrefix: String

    var description: String { "\(file) \(location) \(field ?? "-")" }
}

@Suite struct MalformedInputTests {
    static let cases: [ExpectedProblem] = [
        ExpectedProblem(file: "bad/bad-json-line.jsonl", location: RecordLocation(line: 2), field: nil,
                        reasonPrefix: "invalid JSON"),
        ExpectedProblem(file: "bad/missing-body.jsonl", location: RecordLocation(line: 2), field: "sms_body",
                        reasonPrefix: "missing"),
        ExpectedProblem(file: "bad/missing-body.jsonl", location: RecordLocation(line: 3), field: "sms_body",
                        reasonPrefix: "missing"),
        ExpectedProblem(file: "bad/missing-body.jsonl", location: RecordLocation(line: 4), field: "sms_id",
                        reasonPrefix: "missing"),
        ExpectedProblem(file: "bad/wrong-types.jsonl", location: RecordLocation(line: 1), field: "sms_body",
                        reasonPrefix: "expected a string, found integer"),
        ExpectedProblem(file: "bad/wrong-types.jsonl", location: RecordLocation(line: 2), field: "sms_id",
                        reasonPrefix: "expected a string or number, found boolean"),
        ExpectedProblem(file: "bad/wrong-types.jsonl", location: RecordLocation(line: 3), field: "sms_inbox_date",
                        reasonPrefix: "expected a date"),
        ExpectedProblem(file: "bad/wrong-types.jsonl", location: RecordLocation(line: 4), field: "sms_sender",
                        reasonPrefix: "expected a string, a whole number or an ObjectId, found array"),
        ExpectedProblem(file: "bad/wrong-types.jsonl", location: RecordLocation(line: 6), field: "sms_inbox_date",
                        reasonPrefix: "invalid date 'last tuesday'"),
        ExpectedProblem(file: "bad/wrong-types.jsonl", location: RecordLocation(line: 7), field: "user_id",
                        reasonPrefix: "expected a string, a whole number or an ObjectId, found object"),
        ExpectedProblem(file: "bad/invalid-utf8.jsonl", location: RecordLocation(line: 2), field: "sms_body",
                        reasonPrefix: "invalid UTF-8"),
        ExpectedProblem(file: "bad/invalid-utf8.jsonl", location: RecordLocation(line: 3), field: "sms_sender",
                        reasonPrefix: "invalid UTF-8"),
        ExpectedProblem(file: "bad/bad-sync.json", location: RecordLocation(line: 1), field: "sms",
                        reasonPrefix: "expected an array of SMS, found object"),
        ExpectedProblem(file: "bad/bad-sync.json", location: RecordLocation(line: 2, smsIndex: 2), field: "sms_body",
                        reasonPrefix: "missing"),
        ExpectedProblem(file: "bad/bad-sync.json", location: RecordLocation(line: 2, smsIndex: 3), field: nil,
                        reasonPrefix: "expected an SMS object, found string"),
        ExpectedProblem(file: "bad/bad-sync.json", location: RecordLocation(line: 3), field: "created_at",
                        reasonPrefix: "invalid date 'yesterday'"),
        ExpectedProblem(file: "bad/bad-array.json", location: RecordLocation(line: 3, document: 2), field: nil,
                        reasonPrefix: "expected a JSON object"),
        ExpectedProblem(file: "bad/bad-array.json", location: RecordLocation(line: 5, document: 4), field: nil,
                        reasonPrefix: "the input ends inside this element"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 1), field: "sms_id",
                        reasonPrefix: "the integer 99999999999999999999999999999 is outside the 64-bit range"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 2), field: "sms_id",
                        reasonPrefix: "the integer 18446744073709551616 is outside the 64-bit range"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 3), field: "sms_id",
                        reasonPrefix: "the integer 9223372036854775808 is outside the 64-bit range"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 4), field: "user_id",
                        reasonPrefix: "the integer 12345678901234567890123 is outside the 64-bit range"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 5), field: "sms_id",
                        reasonPrefix: "the integer -9223372036854775809 is outside the 64-bit range"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 7), field: "sms_inbox_date",
                        reasonPrefix: "invalid epoch milliseconds"),
        ExpectedProblem(file: "bad/huge-integers.jsonl", location: RecordLocation(line: 8), field: "sms_id",
                        reasonPrefix: "the floating-point id 1e+18 is beyond 2^53"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 1), field: "sms_inbox_date",
                        reasonPrefix: "date -99999999999999 ms is before 2000-01-01"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 2), field: "sms_inbox_date",
                        reasonPrefix: "invalid $date value '-5000-01-01T00:00:00Z'"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 3), field: "sms_inbox_date",
                        reasonPrefix: "date 0001-01-01 00:00:00 IST is before 2000-01-01"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 4), field: "sms_inbox_date",
                        reasonPrefix: "date 2100-01-01 05:30:00 IST is more than one day after the current time"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 5), field: "sms_inbox_date",
                        reasonPrefix: "date 2026-03-03 00:00:00 IST is more than one day after the sync time 2026-03-01 05:30:00 IST"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 7), field: "sms_inbox_date",
                        reasonPrefix: "invalid $date object: $numberLong must hold decimal digits"),
        ExpectedProblem(file: "bad/absurd-dates.jsonl", location: RecordLocation(line: 8), field: "sms_inbox_date",
                        reasonPrefix: "invalid $date value '2026-02-30T00:00:00Z'"),
        ExpectedProblem(file: "bad/truncated.bson", location: RecordLocation(document: 3), field: nil,
                        reasonPrefix: "truncated document"),
    ]

    @Test(arguments: cases)
    func problemIsReportedAtItsRecord(expected: ExpectedProblem) throws {
        let path = IOTestSupport.fixture(expected.file)
        let result = try IOTestSupport.read(path)
        let matching = result.problems.filter { $0.location == expected.location }

        #expect(matching.count == 1, "problems: \(result.problems)")
        let problem = try #require(matching.first)
        #expect(problem.file == path)
        #expect(problem.field == expected.field)
        #expect(problem.reason.hasPrefix(expected.reasonPrefix), "reason: \(problem.reason)")
    }

    @Test(arguments: [
        ("bad/bad-json-line.jsonl", ["b-001", "b-003"], 1),
        ("bad/missing-body.jsonl", ["c-001"], 3),
        ("bad/wrong-types.jsonl", ["d-005"], 6),
        ("bad/invalid-utf8.jsonl", ["e-001"], 2),
        ("bad/bad-sync.json", ["f-001"], 4),
        ("bad/bad-array.json", ["g-001", "g-003"], 2),
        ("bad/huge-integers.jsonl", ["9223372036854775807"], 7),
        ("bad/absurd-dates.jsonl", ["h-006", "h-009"], 7),
    ])
    func goodRecordsSurviveBadNeighbours(file: String, keptIDs: [String], skipped: Int) throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture(file))

        #expect(result.allSMS.map(\.raw.id) == keptIDs)
        #expect(result.counts.skipped == skipped)
        #expect(result.problems.count == skipped)
    }

    @Test func truncatedBSONKeepsWholeDocuments() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("bad/truncated.bson"))

        #expect(result.counts.documents == 2)
        #expect(result.groups.map { $0.key.userID } == ["cu-1001", "cu-1002"])
        #expect(result.counts.skipped == 1)
        // The bytes after the last whole document may be a file cut short or hide documents
        // behind a length prefix that is too large, so the file counts as not read to its end.
        #expect(result.counts.unreadableParts == 1)
    }

    /// A `--jsonArray` export cut short loses the elements after the cut, as a BSON file cut short does.
    @Test(arguments: ["[{\"sms_id\":\"a\",\"sms_body\":\"x\"},\n{\"sms_id\":\"b\",\"sms_bo",
                      "[{\"sms_id\":\"a\",\"sms_body\":\"x\"},\n",
                      "[{\"sms_id\":\"a\",\"sms_body\":\"x\"}\n"])
    func cutJSONArrayIsNotReadToEnd(text: String) throws {
        let result = try IOTestSupport.read(try IOTestSupport.writeTemporaryFile(named: "cut.json", text))

        #expect(result.allSMS.map(\.raw.id) == ["a"])
        #expect(result.problems.count == 1)
        #expect(result.counts.unreadableParts == 1)
    }

    /// A JSON Lines file whose last line is cut short, with no newline after it, loses the lines
    /// after the cut. A bad line that a newline ends is one skipped record.
    @Test(arguments: [("{\"sms_id\":\"a\",\"sms_body\":\"x\"}\n{\"sms_id\":\"b\",\"sms_bo", 1),
                      ("{\"sms_id\":\"a\",\"sms_body\":\"x\"}\n{\"sms_id\":\"b\",\"sms_bo\n", 0),
                      ("{\"sms_id\":\"b\",\"sms_bo\n{\"sms_id\":\"a\",\"sms_body\":\"x\"}", 0)])
    func cutJSONLineIsNotReadToEnd(text: String, unreadableParts: Int) throws {
        let result = try IOTestSupport.read(try IOTestSupport.writeTemporaryFile(named: "cut.jsonl", text))

        #expect(result.allSMS.map(\.raw.id) == ["a"])
        #expect(result.problems.count == 1)
        #expect(result.counts.unreadableParts == unreadableParts)
    }

    /// Invalid UTF-8 in one SMS of a sync request makes that SMS unreadable, not its neighbours.
    @Test func invalidUTF8SkipsOnlyItsSMS() throws {
        let sms = [#"{"sms_id":"1","sms_body":"a"}"#, #"{"sms_id":"2","sms_body":"b\#u{1}"}"#, #"{"sms_id":"3","sms_body":"c"}"#]
        var bytes = Array((#"{"client_id":"c1","user_id":"u1","sms":["# + sms.joined(separator: ",") + "]}\n").utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0xFF
        let path = try IOTestSupport.makeTemporaryFolder() + "/sms_sync_request_sms_data.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let result = try IOTestSupport.read(path)
        #expect(result.allSMS.map(\.raw.id) == ["1", "3"])
        #expect(result.counts.sms == 3)
        #expect(result.problems.map(\.location) == [RecordLocation(line: 1, smsIndex: 2)])
        #expect(result.problems.map(\.field) == ["sms_body"])
        #expect(result.problems.first?.reason == "invalid UTF-8 text")
    }

    /// A date with a fraction of a millisecond is invalid, as serve-sms rejects it, not truncated.
    @Test func fractionalInboxDateIsSkipped() throws {
        let sms = [#"{"sms_id":"1","sms_body":"a","sms_inbox_date":1771704900000}"#,
                   #"{"sms_id":"2","sms_body":"b","sms_inbox_date":1771704900000.5}"#]
        let path = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json",
                                                        #"{"client_id":"c1","user_id":"u1","sms":["# + sms.joined(separator: ",") + "]}\n")

        let result = try IOTestSupport.read(path)
        #expect(result.allSMS.map(\.raw.id) == ["1"])
        #expect(result.problems.map(\.field) == ["sms_inbox_date"])
        #expect(result.problems.first?.reason
            == "invalid epoch milliseconds 1771704900000.5: expected a whole number of milliseconds")
    }

    /// Invalid UTF-8 in a header field leaves the owner of every SMS unknown, so the document is skipped.
    @Test func invalidUTF8InHeaderSkipsDocument() throws {
        var bytes = Array((#"{"client_id":"c1","user_id":"u\#u{1}","sms":[{"sms_id":"1","sms_body":"a"}]}"# + "\n").utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0xFF
        let path = try IOTestSupport.makeTemporaryFolder() + "/sms_sync_request_sms_data.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let result = try IOTestSupport.read(path)
        #expect(result.allSMS.isEmpty)
        #expect(result.problems.map(\.field) == ["user_id"])
    }

    /// Invalid UTF-8 in a top-level member that credeau does not read costs no SMS.
    @Test func invalidUTF8InUnreadMemberKeepsAll() throws {
        let result = try readWithInvalidByte(top: #","tags":["a\#u{1}"]"#, sms2: "")
        #expect(result.allSMS.map(\.raw.id) == ["1", "2"])
        #expect(result.problems.isEmpty)
        #expect(result.counts.skipped == 0)
    }

    /// Invalid UTF-8 in the key of an unread member keeps every SMS, and in a key inside an SMS skips that SMS.
    @Test func invalidUTF8InKeys() throws {
        let top = try readWithInvalidByte(top: #","t\#u{1}":1"#, sms2: "")
        #expect(top.allSMS.map(\.raw.id) == ["1", "2"])
        #expect(top.problems.isEmpty)

        let inSMS = try readWithInvalidByte(top: "", sms2: #","x\#u{1}":"v""#)
        #expect(inSMS.allSMS.map(\.raw.id) == ["1"])
        #expect(inSMS.problems.map(\.field) == ["x\u{FFFD}"])
    }

    /// Invalid UTF-8 in an unknown member nested in an SMS skips it under the full key path.
    @Test func invalidUTF8NestedNamesFullPath() throws {
        let result = try readWithInvalidByte(top: "", sms2: #","extra":{"x":"a\#u{1}"}"#)
        #expect(result.allSMS.map(\.raw.id) == ["1"])
        #expect(result.problems.map(\.field) == ["extra.x"])
    }

    /// Writes a two-SMS sync request with `top` and `sms2` added, their U+0001 made 0xFF, and reads it.
    private func readWithInvalidByte(top: String, sms2: String) throws -> IOTestSupport.ReadResult {
        let sms = #"{"sms_id":"1","sms_body":"a"},{"sms_id":"2","sms_body":"b""# + sms2 + "}"
        var bytes = Array((#"{"client_id":"c1","user_id":"u1""# + top + #","sms":["# + sms + "]}\n").utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0xFF
        let path = try IOTestSupport.makeTemporaryFolder() + "/sms_sync_request_sms_data.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try IOTestSupport.read(path)
    }

    @Test func badLengthPrefixSaysTheRestIsUnread() throws {
        let dump = try Data(contentsOf: URL(fileURLWithPath: IOTestSupport.fixture("bad/truncated.bson")))
        let first = Int(dump[0]) | Int(dump[1]) << 8 | Int(dump[2]) << 16 | Int(dump[3]) << 24
        let second = Int(dump[first]) | Int(dump[first + 1]) << 8 | Int(dump[first + 2]) << 16 | Int(dump[first + 3]) << 24
        // A length prefix of 4 cannot start a document, so the second whole document is lost.
        let bytes = dump[0..<first] + Data([4, 0, 0, 0]) + dump[first..<(first + second)]
        let path = try IOTestSupport.makeTemporaryFolder() + "/sms_sync_request_sms_data.bson"
        try bytes.write(to: URL(fileURLWithPath: path))

        let result = try IOTestSupport.read(path)
        #expect(result.counts.documents == 1)
        #expect(result.problems.count == 1)
        #expect(result.counts.unreadableParts == 1)
        let reason = result.problems.first?.reason ?? ""
        #expect(reason.contains("invalid length prefix"))
        #expect(reason.contains("the last \(second + 4) bytes of the file are not read"))
    }

    @Test func problemsComeInFileOrder() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("bad/wrong-types.jsonl"))

        let lines = result.problems.compactMap(\.location.line)
        #expect(lines == [1, 2, 3, 4, 6, 7])
    }

    @Test func problemDescriptionEscapesControls() {
        let problem = InputProblem(file: "d\u{7}.json", location: RecordLocation(line: 2), field: nil,
                                   reason: "expected a JSON object, found '\u{1B}[31m\u{0}\t\u{85}é'")
        #expect(problem.description == #"'d\x07.json' line 2: expected a JSON object, found '\x1b[31m\x00\x09\x85é'"#)
    }

    @Test func problemDescriptionNamesFileLineAndField() {
        let problem = InputProblem(file: "dump.json", location: RecordLocation(line: 12, smsIndex: 3),
                                   field: "sms_body", reason: "missing")
        #expect(problem.description == "'dump.json' line 12, sms 3, field 'sms_body': missing")
    }
}
