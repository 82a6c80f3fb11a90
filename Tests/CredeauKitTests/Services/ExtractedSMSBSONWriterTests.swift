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

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func bytesEqualLibbsonAppends(seed: UInt64) throws {
        let entries = sampleEntries(seed: seed &* 7, count: 40 + Int(seed) * 37)
        for requestID in ["req-ü", "", "nul\u{0}inside"] {
            let rows = ExtractedSMSRows(entries)
            let written = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: requestID))
            let reference = try #require(LibbsonAnswerReference.encode(rows, requestID: requestID))
            #expect(written == reference, "seed \(seed), \(entries.count) entries")
        }
        let empty = ExtractedSMSRows([])
        #expect(ExtractedSMSBSONWriter.encode(empty, requestID: "r") == LibbsonAnswerReference.encode(empty, requestID: "r"))
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func bodylessBytesEqualLibbsonAppends(seed: UInt64) throws {
        let rows = ExtractedSMSRows(sampleEntries(seed: seed &* 11, count: 30 + Int(seed) * 41))
        let written = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "req-ü", omittingBody: true))
        let reference = try #require(LibbsonAnswerReference.encode(rows, requestID: "req-ü", omitting: ["sms_body"]))
        #expect(written == reference)
        let whole = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "req-ü"))
        #expect(written.count < whole.count)
        let empty = ExtractedSMSRows([])
        #expect(ExtractedSMSBSONWriter.encode(empty, requestID: "r", omittingBody: true)
            == LibbsonAnswerReference.encode(empty, requestID: "r"))
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func echoedColumnsOmittedLikeLibbson(seed: UInt64) throws {
        let entries = sampleEntries(seed: seed &* 17, count: 25 + Int(seed) * 29)
        let rows = ExtractedSMSRows(entries)
        let omitted = ExtractedSMSColumns.names.indices.filter {
            ExtractSMSWire.echoedColumns.contains(ExtractedSMSColumns.names[$0])
        }
        let written = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "r", omitting: omitted))
        let reference = LibbsonAnswerReference.encode(rows, requestID: "r", omitting: Set(ExtractSMSWire.echoedColumns))
        #expect(written == reference)

        // Decoded with the ids of its batch, the lean response gives the entries of a whole
        // response that carries those ids.
        let sent = entries.map { RawSMS(id: $0.smsID, sender: $0.smsSender, body: $0.smsBody, inboxDateMillis: $0.inboxDateMillis) }
        let ids = ExtractSMSWire.SentIDs(clientID: "c-\(seed)", userID: "u-ü", requestID: "r-\(seed)")
        let echoing = ExtractedSMSRows(entries.map { entry in
            var entry = entry
            entry.clientID = ids.clientID
            entry.userID = ids.userID
            entry.requestID = ids.requestID
            return entry
        })
        let whole = try #require(ExtractedSMSBSONWriter.encode(echoing, requestID: "r"))
        let fromWhole = try ExtractSMSWire.entries(from: whole, format: .bson, for: sent, url: url)
        let fromLean = try ExtractSMSWire.entries(from: written, format: .bson, for: sent, sent: ids, url: url)
        #expect(fromLean == fromWhole.map { entry in
            var entry = entry
            entry.createdAtMillis = 0
            return entry
        })
        #expect(fromLean.map(\.userID) == Array(repeating: "u-ü", count: entries.count))
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func nullsOmittedLikeLibbson(seed: UInt64) throws {
        let entries = sampleEntries(seed: seed &* 19, count: 30 + Int(seed) * 23)
        let rows = ExtractedSMSRows(entries)
        let body = [ExtractedSMSRowCodec.Column.smsBody]
        let lean = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "r", omitting: body, omittingNulls: true))
        let reference = LibbsonAnswerReference.encode(rows, requestID: "r", omitting: ["sms_body"], omittingNulls: true)
        #expect(lean == reference)
        let withNulls = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "r", omitting: body))
        #expect(lean.count < withNulls.count)

        let document = try #require(lean.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
        defer { bson_destroy(document) }
        #expect(!BSONInspection.members(of: document).contains { $0.kind == "null" })

        let sent = entries.map { RawSMS(id: $0.smsID, sender: $0.smsSender, body: $0.smsBody, inboxDateMillis: $0.inboxDateMillis) }
        let fromLean = try ExtractSMSWire.entries(from: lean, format: .bson, for: sent, url: url)
        let fromWhole = try ExtractSMSWire.entries(from: withNulls, format: .bson, for: sent, url: url)
        #expect(fromLean == fromWhole)
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func bodylessAnswerGivesSameEntries(seed: UInt64) throws {
        let entries = sampleEntries(seed: seed &* 13)
        let rows = ExtractedSMSRows(entries)
        let whole = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "r"))
        let bodyless = try #require(ExtractedSMSBSONWriter.encode(rows, requestID: "r", omittingBody: true))
        let document = try #require(bodyless.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
        defer { bson_destroy(document) }
        let paths = BSONInspection.members(of: document).map(\.path)
        #expect(!paths.contains { $0.hasSuffix(".sms_body") })
        #expect(paths.contains("extracted_sms_data.0.sms_inbox_date"))

        let sent = entries.map { RawSMS(id: $0.smsID, sender: $0.smsSender, body: $0.smsBody, inboxDateMillis: $0.inboxDateMillis) }
        let fromWhole = try ExtractSMSWire.entries(from: whole, format: .bson, for: sent, url: url)
        let fromBodyless = try ExtractSMSWire.entries(from: bodyless, format: .bson, for: sent, url: url)
        #expect(fromBodyless == fromWhole)
        #expect(fromBodyless.map(\.smsBody) == entries.map(\.smsBody))
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

/// The BSON response written with libbson's append functions, as serve-sms wrote it before
/// `BSONBufferWriter`, to check that the bytes stay the same.
enum LibbsonAnswerReference {
    /// Returns the response document's bytes, or nil when libbson cannot append it (a document
    /// past its 2 GiB limit). The caller then responds with JSON.
    static func encode(_ rows: ExtractedSMSRows, requestID: String, omitting omitted: Set<String> = [],
                       omittingNulls: Bool = false) -> [UInt8]? {
        // bson_sized_new asserts that the size fits an int32, and the buffer grows as needed.
        guard let document = bson_sized_new(min(64 + rows.count * 900, 1 << 26)) else { return nil }
        defer { bson_destroy(document) }
        let written = withUnsafeTemporaryAllocation(byteCount: 2 * documentSize, alignment: documentSize) { storage in
            let list = OpaquePointer(storage.baseAddress!)
            let entry = OpaquePointer(storage.baseAddress! + documentSize)
            return appendText(requestID, key: requestIDKey, to: document)
                && appendList(rows, omitting: omitted, omittingNulls: omittingNulls, list: list, entry: entry,
                              to: document)
        }
        guard written, let data = bson_get_data(document) else { return nil }
        // A BSON document starts with its total length as a little-endian int32.
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    /// `sizeof(bson_t)` in libbson 1.23: a 128-byte aligned struct of 128 bytes.
    private static let documentSize = 128

    /// Column names as NUL-terminated C strings, made once.
    private static let columnKeys: [[CChar]] = ExtractedSMSColumns.names.map { Array($0.utf8CString) }
    private static let requestIDKey = Array("request_id".utf8CString)
    private static let listKey = Array("extracted_sms_data".utf8CString)
    /// The pointer libbson gets for an empty text, because a NULL value would append a null.
    private static let emptyText: [CChar] = [0]

    private static func appendList(_ rows: ExtractedSMSRows, omitting omitted: Set<String>, omittingNulls: Bool,
                                   list: OpaquePointer, entry: OpaquePointer, to document: OpaquePointer) -> Bool {
        let began = listKey.withUnsafeBufferPointer {
            bson_append_array_begin(document, $0.baseAddress, Int32($0.count - 1), list)
        }
        guard began else { return false }
        let keys = columnKeys
        let kept = ExtractedSMSColumns.names.map { !omitted.contains($0) }
        // Array keys are the indexes as decimal text, which bson_uint32_to_string writes
        // (or points at from its table of small numbers).
        var indexText = [CChar](repeating: 0, count: 16)
        for index in 0..<rows.count {
            let appended = indexText.withUnsafeMutableBufferPointer { buffer -> Bool in
                var key: UnsafePointer<CChar>?
                let length = bson_uint32_to_string(UInt32(index), &key, buffer.baseAddress, buffer.count)
                return bson_append_document_begin(list, key, Int32(length), entry)
                    && appendEntry(rows[index], keys: keys, kept: kept, omittingNulls: omittingNulls, to: entry)
                    && bson_append_document_end(list, entry)
            }
            guard appended else { return false }
        }
        return bson_append_array_end(document, list)
    }

    private static func appendEntry(_ values: ArraySlice<ExtractedFieldValue>, keys: [[CChar]], kept: [Bool],
                                    omittingNulls: Bool, to entry: OpaquePointer) -> Bool {
        for ((key, value), isKept) in zip(zip(keys, values), kept) where isKept {
            let appended: Bool
            switch value {
            case .null where omittingNulls:
                continue
            case let .amount(rupees) where omittingNulls && JSONText.paise(rupees) == nil:
                continue
            case .null:
                appended = key.withUnsafeBufferPointer { bson_append_null(entry, $0.baseAddress, Int32($0.count - 1)) }
            case let .text(text):
                appended = appendText(text, key: key, to: entry)
            case let .bool(flag):
                appended = key.withUnsafeBufferPointer {
                    bson_append_bool(entry, $0.baseAddress, Int32($0.count - 1), flag)
                }
            case let .amount(rupees):
                appended = appendAmount(rupees, key: key, to: entry)
            }
            guard appended else { return false }
        }
        return true
    }

    private static func appendText(_ text: String, key: [CChar], to document: OpaquePointer) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            key.withUnsafeBufferPointer { keyBytes in
                bytes.withMemoryRebound(to: CChar.self) { value in
                    emptyText.withUnsafeBufferPointer { empty in
                        bson_append_utf8(document, keyBytes.baseAddress, Int32(keyBytes.count - 1),
                                         value.baseAddress ?? empty.baseAddress, Int32(value.count))
                    }
                }
            }
        }
    }

    /// Appends rupees as the JSON writer prints them: rounded to the paisa, an int64 when whole,
    /// a double otherwise, and null when not finite or too large to round (see `JSONText.amount`).
    private static func appendAmount(_ rupees: Double, key: [CChar], to entry: OpaquePointer) -> Bool {
        key.withUnsafeBufferPointer { keyBytes in
            let name = keyBytes.baseAddress
            let length = Int32(keyBytes.count - 1)
            guard let paise = JSONText.paise(rupees) else { return bson_append_null(entry, name, length) }
            if paise % 100 == 0 { return bson_append_int64(entry, name, length, paise / 100) }
            // Both numbers are exact doubles below 2^53 and IEEE division rounds once, so the
            // result is the double nearest to the decimal the JSON writer prints.
            return bson_append_double(entry, name, length, Double(paise) / 100)
        }
    }
}
