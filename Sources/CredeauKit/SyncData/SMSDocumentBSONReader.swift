import CBSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the SMS of an `sms_sync_request_sms_data` document from its BSON or its simdjson tape,
/// without first converting every record into a `JSONValue` tree.
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
        guard let top = credeau_bson_iter_new() else { return nil }
        defer { credeau_bson_iter_free(top) }
        guard let list = credeau_bson_iter_new() else { return nil }
        defer { credeau_bson_iter_free(list) }
        guard let record = credeau_bson_iter_new() else { return nil }
        defer { credeau_bson_iter_free(record) }
        return read(
            topMembers: { bson_iter_init(top, document) ? BSONRequestMembers(iterator: top) : nil },
            list: BSONRequestMembers(iterator: list), record: BSONRequestMembers(iterator: record),
            collectsImplausible: collectsImplausible)
    }

    /// Reads the document at the root of a simdjson tape whose Extended JSON wrappers
    /// `JSONTapeExtendedJSON` reads, as `read(_:collectsImplausible:)` reads libbson's document
    /// of the same text.
    static func read(_ tape: JSONTape, collectsImplausible: Bool) -> Result? {
        read(topMembers: { TapeRequestMembers(tape: tape, objectAt: tape.rootPosition) },
             list: TapeRequestMembers(tape: tape), record: TapeRequestMembers(tape: tape),
             collectsImplausible: collectsImplausible)
    }

    /// - Parameter topMembers: returns the document's members from the start; it is called twice.
    private static func read<Members: SMSDocumentMembers>(
        topMembers: () -> Members?, list: Members, record: Members, collectsImplausible: Bool
    ) -> Result? {
        var list = list
        var record = record
        // The top level, with each list left empty: only the SMS list is read, below.
        guard var top = topMembers() else { return nil }
        var members: [(String, JSONValue)] = []
        while top.next() {
            let key = String(decoding: top.keyBytes, as: UTF8.self)
            members.append((key, top.isArray ? .array([]) : top.treeValue))
        }
        let document = JSONValue.object(members)
        guard let header = try? SyncJSONDecoder.header(document, source: .sms) else { return nil }
        let fields = FieldReader(value: document, source: .sms)
        let names = SyncJSONDecoder.SMSFieldNames.list
        // The decoder reads the last member of that name, as JSONValue's subscript does.
        guard case .array = fields.first(names), let name = fields.firstName(names),
              let position = members.lastIndex(where: { $0.0 == name }) else { return nil }

        guard var listMember = topMembers() else { return nil }
        for _ in 0...position {
            guard listMember.next() else { return nil }
        }
        guard listMember.descend(into: &list) else { return nil }

        var result = Result(header: header, records: [], implausible: [])
        // Growing the list by doubling copied every record several times in a 5,000-SMS document.
        // The cap keeps a list of millions of empty items, which fails below, from reserving gigabytes.
        result.records.reserveCapacity(min(listMember.memberCountHint, 200_000))
        var slots = [JSONValue?](repeating: nil, count: RecordFields.names.count)
        while list.next() {
            guard list.isObject, list.descend(into: &record) else { return nil }
            for index in slots.indices { slots[index] = nil }
            while record.next() {
                guard let slot = RecordFields.slot(ofKey: record.keyBytes) else { return nil }
                guard slot >= 0 else { continue }
                guard let value = record.scalarValue else { return nil }
                slots[slot] = value
            }
            // A value the decoder rejects leaves the document to the tree path, which names the problem.
            let body: String?, id: String?, sender: String?
            do {
                body = try checked(slots, RecordFields.body, SMSFieldValue.body)
                id = try checked(slots, RecordFields.id, SMSFieldValue.id)
                sender = try checked(slots, RecordFields.sender, SMSFieldValue.sender)
            } catch {
                return nil
            }
            guard let body else { return nil }
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
                id: id ?? "", sender: sender, body: body, inboxDateMillis: date, clientID: header.clientID,
                userID: header.userID, requestID: header.requestID)
            result.records.append(SyncedSMSRecord(raw: raw, folder: folder))
        }
        return result
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

    /// Returns the value of the first name in `group` that is present, read by `read` as the
    /// decoder reads it, or nil when none is present. It throws when the decoder rejects the value.
    private static func checked(
        _ slots: [JSONValue?], _ group: Range<Int>, _ read: (JSONValue) throws(SMSFieldValue.Mismatch) -> String
    ) throws(SMSFieldValue.Mismatch) -> String? {
        guard let (_, value) = first(slots, group) else { return nil }
        return try read(value)
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
        static func slot(ofKey keyBytes: UnsafeRawBufferPointer) -> Int? {
            for (slot, name) in bytes.enumerated() where name.count == keyBytes.count {
                if keyBytes.elementsEqual(name) { return slot }
            }
            return keyBytes.contains(where: { $0 >= 0x80 }) ? nil : -1
        }
    }
}
