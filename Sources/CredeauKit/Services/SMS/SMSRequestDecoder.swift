import CBSON
#if canImport(Glibc)
import Glibc
#endif

/// Reads a `POST /api/extract_sms` body into `RawSMS` values in one walk over a parsed document
/// (simdjson's tape or libbson's document), without building a `JSONValue` tree.
///
/// The walk accepts only bodies that `SMSExtractionRequest.schema` and its value checks accept,
/// and reads them as the tree path does: the last of repeated keys wins (as in Python's json,
/// which FastAPI uses), unknown keys are ignored, ids sent as whole numbers become text. Any value it does not accept makes it return
/// nil. For a tape the caller then parses the body with libbson, and for a libbson document it
/// converts the document into a tree and runs the schema, which records every 422 issue in the
/// usual order. Some valid but rare forms also go that way:
/// whole numbers sent as JSON floats, and texts longer than 128 UTF-8 bytes where a limit of
/// 128 code points applies.
enum SMSRequestDecoder {
    /// Returns the request in libbson's `document`, or nil when the body needs the schema's checks.
    ///
    /// - Throws: `HTTPError` 413 when `sms` is a list of more than `maxSMSCount` items.
    static func decode(_ document: OpaquePointer, maxSMSCount: Int) throws -> SMSExtractionRequest? {
        try withUnsafeTemporaryAllocation(byteCount: 3 * iteratorSize, alignment: 128) { storage in
            var top = BSONRequestMembers(iterator: OpaquePointer(storage.baseAddress!))
            var list = BSONRequestMembers(iterator: OpaquePointer(storage.baseAddress! + iteratorSize))
            var item = BSONRequestMembers(iterator: OpaquePointer(storage.baseAddress! + 2 * iteratorSize))
            guard bson_iter_init(top.iterator, document) else { return nil }
            return try decode(top: &top, list: &list, item: &item, maxSMSCount: maxSMSCount)
        }
    }

    /// Returns the request in the object that starts the tape, or nil when the body needs the
    /// schema's checks or its root is not an object.
    ///
    /// - Throws: `HTTPError` 413 when `sms` is a list of more than `maxSMSCount` items.
    static func decode(_ tape: JSONTape, maxSMSCount: Int) throws -> SMSExtractionRequest? {
        guard var top = TapeRequestMembers(tape: tape, objectAt: tape.rootPosition) else { return nil }
        var list = TapeRequestMembers(tape: tape)
        var item = TapeRequestMembers(tape: tape)
        return try decode(top: &top, list: &list, item: &item, maxSMSCount: maxSMSCount)
    }

    /// Walks the top-level members in `top`, reading the `sms` list with `list` and each of its
    /// items with `item`.
    private static func decode<Members: SMSRequestMembers>(
        top: inout Members, list: inout Members, item: inout Members, maxSMSCount: Int
    ) throws -> SMSExtractionRequest? {
        var clientID: String?
        var userID: String?
        var requestID: String?
        var hasList = false
        while top.next() {
            switch key(top.keyBytes) {
            case .clientID:
                guard let text = limitedText(top.value, minLength: 1, allowsNUL: false) else { return nil }
                clientID = text
            case .userID:
                guard let text = limitedText(top.value, minLength: 1, allowsNUL: false) else { return nil }
                userID = text
            case .requestID:
                guard let text = optionalText(top.value) else { return nil }
                requestID = text
            case .sms:
                hasList = true
                guard case .array = top.value, top.descend(into: &list) else { return nil }
            default:
                continue
            }
        }
        guard let clientID, let userID, hasList else { return nil }

        var messages: [RawSMS] = []
        while list.next() {
            guard messages.count < maxSMSCount else {
                throw SMSExtractionRequest.tooManySMS(count: messages.count + 1 + remainingCount(&list),
                                                      maxSMSCount: maxSMSCount)
            }
            guard case .object = list.value, list.descend(into: &item), var message = readItem(&item) else { return nil }
            message.clientID = clientID
            message.userID = userID
            message.requestID = requestID
            messages.append(message)
        }
        return SMSExtractionRequest(clientID: clientID, userID: userID, requestID: requestID, sms: messages)
    }

    /// Reads one `sms` item, or returns nil when one of its fields needs the schema's checks.
    private static func readItem<Members: SMSRequestMembers>(_ item: inout Members) -> RawSMS? {
        var id: String?
        var sender: String?
        var body: String?
        var inboxDate: Int64?
        while item.next() {
            switch key(item.keyBytes) {
            case .smsID:
                guard let text = identifier(item.value) else { return nil }
                id = text
            case .smsSender:
                guard let text = optionalText(item.value) else { return nil }
                sender = text
            case .smsBody:
                guard case let .text(bytes) = item.value else { return nil }
                body = String(decoding: bytes, as: UTF8.self)
            case .smsInboxDate:
                guard let millis = timestamp(item.value) else { return nil }
                inboxDate = millis
            default:
                continue
            }
        }
        guard let id, let body, let inboxDate else { return nil }
        return RawSMS(id: id, sender: sender, body: body, inboxDateMillis: inboxDate)
    }

    /// The schema's maximum length for client_id, user_id, request_id, sms_sender and sms_id.
    private static let maxTextLength = 128

    /// `sizeof(bson_iter_t)` is 80 in libbson 1.23, and a whole alignment unit leaves room to spare.
    private static let iteratorSize = 128

    /// The keys the walk reads, at the top level and in `sms` items.
    private enum Key {
        case clientID, userID, requestID, sms, smsID, smsSender, smsBody, smsInboxDate, other
    }

    /// Each key's name with its case.
    private static let keyNames: [(name: StaticString, key: Key)] = [
        ("client_id", .clientID), ("user_id", .userID), ("request_id", .requestID), ("sms", .sms),
        ("sms_id", .smsID), ("sms_sender", .smsSender), ("sms_body", .smsBody), ("sms_inbox_date", .smsInboxDate),
    ]

    /// Returns the key with these UTF-8 bytes, compared as bytes without making a `String`. The
    /// names are ASCII without `K`, `;` or `` ` ``, the only ASCII characters that another
    /// character canonically equals, so byte equality here is the `String` equality the tree
    /// path uses.
    private static func key(_ bytes: UnsafeRawBufferPointer) -> Key {
        guard let base = bytes.baseAddress else { return .other }
        for (name, key) in keyNames where name.utf8CodeUnitCount == bytes.count && memcmp(base, name.utf8Start, bytes.count) == 0 {
            return key
        }
        return .other
    }

    /// Text of at least `minLength` and at most `maxTextLength` UTF-8 bytes. A text has at most as
    /// many code points as bytes and one byte or more is one code point or more, so a text read
    /// here also meets the schema's limits, which count code points. Without `allowsNUL`, the
    /// schema gets a text with U+0000 and rejects it.
    private static func limitedText(_ value: SMSRequestValue, minLength: Int, allowsNUL: Bool = true) -> String? {
        guard case let .text(bytes) = value, bytes.count >= minLength, bytes.count <= maxTextLength,
              allowsNUL || !bytes.contains(0)
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Text of at most `maxTextLength` UTF-8 bytes, or `.some(nil)` for null, or nil for any
    /// other value.
    private static func optionalText(_ value: SMSRequestValue) -> String?? {
        if case .null = value { return .some(nil) }
        guard let text = limitedText(value, minLength: 0) else { return nil }
        return .some(text)
    }

    /// `sms_id` as text, from text or a whole number.
    private static func identifier(_ value: SMSRequestValue) -> String? {
        switch value {
        case .text: return limitedText(value, minLength: 1, allowsNUL: false)
        case let .integer(number): return String(number)
        default: return nil
        }
    }

    /// `sms_inbox_date` in epoch milliseconds, from a number, a `$date` or date text; nil when it
    /// does not parse or is outside `SMSInboxDateRange`.
    private static func timestamp(_ value: SMSRequestValue) -> Int64? {
        let millis: Int64?
        switch value {
        case let .text(bytes): millis = SMSDateParser.millis(utf8: bytes)
        case let .integer(number), let .date(number): millis = number
        default: millis = nil
        }
        guard let millis, SMSInboxDateRange.contains(millis) else { return nil }
        return millis
    }

    /// Counts the members after the current one.
    private static func remainingCount<Members: SMSRequestMembers>(_ members: inout Members) -> Int {
        var count = 0
        while members.next() { count += 1 }
        return count
    }
}
