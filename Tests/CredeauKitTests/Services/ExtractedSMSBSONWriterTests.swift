import CBSON
@testable import CredeauKit
import Testing

/// The BSON answer of `/api/extract_sms` against the JSON answer it mirrors.
@Suite struct ExtractedSMSBSONWriterTests {
    private let url = "http://127.0.0.1:1/api/extract_sms"

    /// Entries with all optional fields set, none set, or a random mix, over the sample texts,
    /// dates and amounts (negative, fractional, whole, past the JSON writer's limit).
    private func sampleEntries(seed: UInt64, count: Int = 60) -> [ExtractedSMS] {
        var samples = ExtractSMSAnswerSamples(seed: seed)
        let fillings: [Bool?] = [true, false, nil]
        return (0..<count).map { index in
            var entry = samples.entry(id: "b\(seed)-\(index)-ü", setsAll: fillings[index % 3])
            if index % 3 == 0 { entry.amount = ExtractSMSAnswerSamples.amounts[index / 3 % ExtractSMSAnswerSamples.amounts.count] }
            return entry
        }
    }

    private func answers(_ entries: [ExtractedSMS], requestID: String = "req-ü") throws -> (json: [UInt8], bson: [UInt8]) {
        let rows = ExtractedSMSRows(entries)
        let bson = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: requestID))
        return (SMSExtractionHandler.encode(rows, requestID: requestID), bson)
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func decodedEntriesMatchJSON(seed: UInt64) throws {
        let entries = sampleEntries(seed: seed)
        let (json, bson) = try answers(entries)

        let fromJSON = try ExtractSMSAnswerDecoder.entries(from: json, url: url)
        let fromBSON = try ExtractSMSAnswerDecoder.entries(fromBSON: bson, url: url)
        #expect(fromBSON == fromJSON)
        #expect(fromBSON.map(\.smsID) == entries.map(\.smsID))
        #expect(fromBSON.filter { $0.amount != nil }.count > 10)

        let sent = entries.map { RawSMS(id: $0.smsID, sender: $0.smsSender, body: $0.smsBody, inboxDateMillis: $0.inboxDateMillis) }
        let wireJSON = try ExtractSMSWire.entries(from: json, format: .json, for: sent, url: url)
        let wireBSON = try ExtractSMSWire.entries(from: bson, format: .bson, for: sent, url: url)
        #expect(wireBSON == wireJSON)
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func documentMirrorsJSONAnswer(seed: UInt64) throws {
        let (json, bson) = try answers(sampleEntries(seed: seed &* 31))
        let parsed = try JSONParser.parseDocument(json)
        defer { bson_destroy(parsed.document) }
        let document = try #require(bson.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
        defer { bson_destroy(document) }

        // Relaxed Extended JSON prints int32 and int64 alike, so the texts match member for member.
        #expect(BSONInspection.relaxedJSON(document) == BSONInspection.relaxedJSON(parsed.document))
        let bsonMembers = BSONInspection.members(of: document)
        let jsonMembers = BSONInspection.members(of: parsed.document)
        #expect(bsonMembers.map(\.path) == jsonMembers.map(\.path))
        // libbson's JSON reader makes small whole numbers int32, where the BSON writer uses int64.
        #expect(bsonMembers.map(\.kind) == jsonMembers.map { $0.kind == "int32" ? "int64" : $0.kind })
        #expect(bsonMembers.contains { $0.kind == "int64" })
        #expect(bsonMembers.contains { $0.kind == "double" })
        #expect(!bsonMembers.contains { $0.kind == "int32" })
    }

    @Test func amountsFollowJSONNumberForm() throws {
        let cases: [(Double, String)] = [
            (1500, "int64 1500"), (-250.75, "double -250.75"), (12.05, "double 12.05"), (0.004, "int64 0"),
            (-0.004, "int64 0"), (99_999.999, "int64 100000"), (89_999_999_999_999.98, "double 89999999999999.98"),
            (9e13, "null"), (.infinity, "null"), (1e300, "null"),
        ]
        for (rupees, expected) in cases {
            var samples = ExtractSMSAnswerSamples(seed: 1)
            var entry = samples.entry(id: "a", setsAll: false)
            entry.amount = rupees
            let (json, bson) = try answers([entry])
            let document = try #require(bson.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
            defer { bson_destroy(document) }
            let member = BSONInspection.members(of: document).first { $0.path == "extracted_sms_data.0.transaction" }
            #expect(member?.description == expected, "\(rupees)")
            let decoded = try ExtractSMSAnswerDecoder.entries(fromBSON: bson, url: url)
            #expect(decoded == (try ExtractSMSAnswerDecoder.entries(from: json, url: url)), "\(rupees)")
        }
    }

    @Test func emptyBatchAndEmptyTexts() throws {
        var samples = ExtractSMSAnswerSamples(seed: 2)
        var entry = samples.entry(id: "", setsAll: true)
        entry.senderName = ""
        entry.smsSender = "nul \u{0} inside"
        let (json, bson) = try answers([entry], requestID: "")
        #expect(try ExtractSMSAnswerDecoder.entries(fromBSON: bson, url: url)
            == ExtractSMSAnswerDecoder.entries(from: json, url: url))

        let (emptyJSON, emptyBSON) = try answers([])
        #expect(try ExtractSMSAnswerDecoder.entries(fromBSON: emptyBSON, url: url).isEmpty)
        #expect(try ExtractSMSAnswerDecoder.entries(from: emptyJSON, url: url).isEmpty)
    }
}

/// Reads libbson documents back for the tests: relaxed Extended JSON and a flat list of members.
enum BSONInspection {
    struct Member: Equatable, CustomStringConvertible {
        var path: String
        var kind: String
        var value: String

        var description: String { value.isEmpty ? kind : "\(kind) \(value)" }
    }

    static func relaxedJSON(_ document: OpaquePointer) -> String? {
        var length = 0
        guard let text = bson_as_relaxed_extended_json(document, &length) else { return nil }
        defer { bson_free(text) }
        return String(cString: text)
    }

    /// Every member in document order, with dotted paths; embedded documents and arrays are listed
    /// before their members.
    static func members(of document: OpaquePointer) -> [Member] {
        let iterator = credeau_bson_iter_new()!
        defer { credeau_bson_iter_free(iterator) }
        guard bson_iter_init(iterator, document) else { return [] }
        var members: [Member] = []
        collect(iterator, prefix: "", into: &members)
        return members
    }

    private static func collect(_ iterator: OpaquePointer, prefix: String, into members: inout [Member]) {
        while bson_iter_next(iterator) {
            let path = prefix + String(cString: bson_iter_key(iterator))
            let type = bson_iter_type(iterator)
            switch type {
            case BSON_TYPE_UTF8:
                var length: UInt32 = 0
                let text = bson_iter_utf8(iterator, &length)!
                let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
                members.append(Member(path: path, kind: "utf8", value: String(decoding: bytes, as: UTF8.self)))
            case BSON_TYPE_INT32: members.append(Member(path: path, kind: "int32", value: String(bson_iter_int32(iterator))))
            case BSON_TYPE_INT64: members.append(Member(path: path, kind: "int64", value: String(bson_iter_int64(iterator))))
            case BSON_TYPE_DOUBLE: members.append(Member(path: path, kind: "double", value: String(bson_iter_double(iterator))))
            case BSON_TYPE_BOOL: members.append(Member(path: path, kind: "bool", value: String(bson_iter_bool(iterator))))
            case BSON_TYPE_NULL: members.append(Member(path: path, kind: "null", value: ""))
            case BSON_TYPE_ARRAY, BSON_TYPE_DOCUMENT:
                members.append(Member(path: path, kind: type == BSON_TYPE_ARRAY ? "array" : "document", value: ""))
                let child = credeau_bson_iter_new()!
                defer { credeau_bson_iter_free(child) }
                if bson_iter_recurse(iterator, child) { collect(child, prefix: path + ".", into: &members) }
            default: members.append(Member(path: path, kind: "type \(type.rawValue)", value: ""))
            }
        }
    }
}
