import CBSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the SMS of an `sms_sync_request_sms_data` document from its BSON, without first
/// converting every record into a `JSONValue` tree.
///
/// For a document it covers, it returns what `SyncJSONDecoder.header` and `SyncJSONDecoder.sms`
/// return for the tree of the same document. It covers an object whose SMS list contains only
/// objects, each with a body, with either no date or a readable one, and with text, numbers,
/// dates or null in the fields the decoder reads. For any other document it returns nil, and the
/// caller decodes the tree, which also writes every error message.
enum SMSDocumentBSONReader {
    struct Result {
        var header: SyncJSONHeader
        var records: [SyncedSMSRecord]
        /// One error per SMS left out for an implausible inbox date, in document order.
        var implausible: [SyncDataError]
    }

    /// - Parameter collectsImplausible: leave out each SMS with an implausible inbox date and
    ///   list it in the result. Without it, a document with such an SMS is not covered.
    static func read(_ document: OpaquePointer, collectsImplausible: Bool) -> Result? {
        guard let iterator = credeau_bson_iter_new() else { return nil }
        defer { credeau_bson_iter_free(iterator) }
        // The top level, with each list left empty: only the SMS list is read, below.
        guard bson_iter_init(iterator, document) else { return nil }
        var members: [(String, JSONValue)] = []
        while bson_iter_next(iterator) {
            let key = String(cString: bson_iter_key(iterator))
            let isList = bson_iter_type(iterator) == BSON_TYPE_ARRAY
            members.append((key, isList ? .array([]) : BSONConversion.readValue(iterator)))
        }
        let top = JSONValue.object(members)
        guard let header = try? SyncJSONDecoder.header(top, source: .sms) else { return nil }
        let fields = FieldReader(value: top, source: .sms)
        let names = SyncJSONDecoder.SMSFieldNames.list
        // The decoder reads the last member of that name, as JSONValue's subscript does.
        guard case .array = fields.first(names), let name = fields.firstName(names),
              let position = members.lastIndex(where: { $0.0 == name }) else { return nil }

        guard bson_iter_init(iterator, document) else { return nil }
        for _ in 0...position {
            guard bson_iter_next(iterator) else { return nil }
        }
        guard let list = credeau_bson_iter_new() else { return nil }
        defer { credeau_bson_iter_free(list) }
        guard let record = credeau_bson_iter_new() else { return nil }
        defer { credeau_bson_iter_free(record) }
        guard bson_iter_recurse(iterator, list) else { return nil }

        var result = Result(header: header, records: [], implausible: [])
        var slots = [JSONValue?](repeating: nil, count: RecordFields.names.count)
        while bson_iter_next(list) {
            guard bson_iter_type(list) == BSON_TYPE_DOCUMENT, bson_iter_recurse(list, record) else { return nil }
            for index in slots.indices { slots[index] = nil }
            while bson_iter_next(record) {
                guard let slot = RecordFields.slot(ofKeyAt: record) else { return nil }
                guard slot >= 0 else { continue }
                guard let value = scalar(at: record) else { return nil }
                slots[slot] = value
            }
            guard let body = text(slots, RecordFields.body) else { return nil }
            let id = text(slots, RecordFields.id) ?? ""
            let sender = text(slots, RecordFields.sender)
            var date: Int64?
            if let (slot, value) = first(slots, RecordFields.date) {
                guard let millis = SyncDateParser.millis(from: value) else { return nil }
                if let reason = InboxDateRange.problem(millis, syncedAtMillis: header.createdAtMillis) {
                    guard collectsImplausible else { return nil }
                    result.implausible.append(.implausibleField(source: .sms, field: RecordFields.names[slot], reason: reason))
                    continue
                }
                date = millis
            }
            let folder = SyncJSONDecoder.SMSFieldNames.folder(fromText: text(slots, RecordFields.folder))
            let raw = RawSMS(
                id: id, sender: sender, body: body, inboxDateMillis: date, clientID: header.clientID,
                userID: header.userID, requestID: header.requestID)
            result.records.append(SyncedSMSRecord(raw: raw, folder: folder))
        }
        return result
    }

    /// Returns the value of a text, number, date or null, and nil for the other types, which
    /// the reader leaves to the tree path.
    private static func scalar(at iterator: OpaquePointer) -> JSONValue? {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8, BSON_TYPE_INT32, BSON_TYPE_INT64, BSON_TYPE_DOUBLE, BSON_TYPE_DATE_TIME:
            return BSONConversion.readValue(iterator)
        case BSON_TYPE_NULL:
            return .null
        default:
            return nil
        }
    }

    /// Returns the slot and value of the first name in `group` that is present and not null,
    /// as `FieldReader.first` does.
    private static func first(_ slots: [JSONValue?], _ group: Range<Int>) -> (Int, JSONValue)? {
        for slot in group {
            guard let value = slots[slot] else { continue }
            if case .null = value { continue }
            return (slot, value)
        }
        return nil
    }

    /// Returns the text of the first name in `group` that is present, as `FieldReader.text` does.
    /// `scalar(at:)` stores only values that have a text, so a present name always gives one.
    private static func text(_ slots: [JSONValue?], _ group: Range<Int>) -> String? {
        first(slots, group).flatMap { FieldReader.scalarText($0.1) }
    }

    /// The SMS field names the decoder reads, one slot each, grouped as in `SMSFieldNames`.
    private enum RecordFields {
        typealias Names = SyncJSONDecoder.SMSFieldNames
        static let names = Names.body + Names.id + Names.sender + Names.date + Names.folder
        static let body = range(0, Names.body)
        static let id = range(body.upperBound, Names.id)
        static let sender = range(id.upperBound, Names.sender)
        static let date = range(sender.upperBound, Names.date)
        static let folder = range(date.upperBound, Names.folder)
        static let bytes: [[UInt8]] = names.map { Array($0.utf8) }

        private static func range(_ start: Int, _ group: [String]) -> Range<Int> {
            start..<(start + group.count)
        }

        /// Returns the slot of the current key, or -1 for an ASCII key the decoder does not read.
        /// Returns nil for a key with other bytes, because String comparison is Unicode-aware.
        static func slot(ofKeyAt iterator: OpaquePointer) -> Int? {
            let length = Int(bson_iter_key_len(iterator))
            let key = UnsafeRawPointer(bson_iter_key(iterator)!)
            for (slot, name) in bytes.enumerated() where name.count == length {
                if name.withUnsafeBytes({ memcmp($0.baseAddress!, key, length) }) == 0 { return slot }
            }
            let keyBytes = UnsafeRawBufferPointer(start: key, count: length)
            return keyBytes.contains(where: { $0 >= 0x80 }) ? nil : -1
        }
    }
}
