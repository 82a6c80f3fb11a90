import CBSON
#if canImport(Glibc)
import Glibc
#endif

/// Reads a `POST /api/extract_sms` body into `RawSMS` values in one walk over libbson's document,
/// without building a `JSONValue` tree.
///
/// The walk accepts only bodies that `SMSExtractionRequest.schema` and its value checks accept,
/// and reads them as the tree path does: the last of repeated keys wins (as in Python's json,
/// which FastAPI uses), unknown keys are ignored, ids sent as whole numbers become text. Any value it does not accept makes it return
/// nil, and the caller then converts the same document into a tree and runs the schema, which
/// records every 422 issue in the usual order. Some valid but rare forms also go that way:
/// whole numbers sent as JSON floats, and texts longer than 128 UTF-8 bytes where a limit of
/// 128 code points applies.
enum SMSRequestDecoder {
    /// Returns the request, or nil when the body needs the schema's checks.
    ///
    /// - Throws: `HTTPError` 413 when `sms` is a list of more than `maxSMSCount` items.
    static func decode(_ document: OpaquePointer, maxSMSCount: Int) throws -> SMSExtractionRequest? {
        try withUnsafeTemporaryAllocation(byteCount: 3 * iteratorSize, alignment: 128) { storage in
            let top = OpaquePointer(storage.baseAddress!)
            let list = OpaquePointer(storage.baseAddress! + iteratorSize)
            let item = OpaquePointer(storage.baseAddress! + 2 * iteratorSize)
            guard bson_iter_init(top, document) else { return nil }

            var clientID: String?
            var userID: String?
            var requestID: String?
            var hasList = false
            while bson_iter_next(top) {
                switch key(of: top) {
                case .clientID:
                    guard let text = limitedText(top, minLength: 1) else { return nil }
                    clientID = text
                case .userID:
                    guard let text = limitedText(top, minLength: 1) else { return nil }
                    userID = text
                case .requestID:
                    requestID = nil
                    if bson_iter_type(top) == BSON_TYPE_NULL { continue }
                    guard let text = limitedText(top, minLength: 0) else { return nil }
                    requestID = text
                case .sms:
                    hasList = true
                    guard bson_iter_type(top) == BSON_TYPE_ARRAY, bson_iter_recurse(top, list) else { return nil }
                default:
                    continue
                }
            }
            guard let clientID, let userID, hasList else { return nil }

            var messages: [RawSMS] = []
            while bson_iter_next(list) {
                guard messages.count < maxSMSCount else {
                    throw SMSExtractionRequest.tooManySMS(count: messages.count + 1 + remainingCount(list),
                                                          maxSMSCount: maxSMSCount)
                }
                guard bson_iter_type(list) == BSON_TYPE_DOCUMENT, bson_iter_recurse(list, item),
                      var message = readItem(item)
                else { return nil }
                message.clientID = clientID
                message.userID = userID
                message.requestID = requestID
                messages.append(message)
            }
            return SMSExtractionRequest(clientID: clientID, userID: userID, requestID: requestID, sms: messages)
        }
    }

    /// Reads one `sms` item, or returns nil when one of its fields needs the schema's checks.
    private static func readItem(_ item: OpaquePointer) -> RawSMS? {
        var id: String?
        var sender: String?
        var body: String?
        var inboxDate: Int64?
        while bson_iter_next(item) {
            switch key(of: item) {
            case .smsID:
                guard let text = identifier(item) else { return nil }
                id = text
            case .smsSender:
                sender = nil
                if bson_iter_type(item) == BSON_TYPE_NULL { continue }
                guard let text = limitedText(item, minLength: 0) else { return nil }
                sender = text
            case .smsBody:
                guard bson_iter_type(item) == BSON_TYPE_UTF8 else { return nil }
                body = text(item)
            case .smsInboxDate:
                guard let millis = timestamp(item) else { return nil }
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

    /// Returns the current key, compared as bytes without making a `String`. The names are ASCII
    /// without `K`, `;` or `` ` ``, the only ASCII characters that another character canonically
    /// equals, so byte equality here is the `String` equality the tree path uses.
    private static func key(of iterator: OpaquePointer) -> Key {
        let length = Int(bson_iter_key_len(iterator))
        guard let bytes = bson_iter_key(iterator) else { return .other }
        for (name, key) in keyNames where name.utf8CodeUnitCount == length && memcmp(bytes, name.utf8Start, length) == 0 {
            return key
        }
        return .other
    }

    private static func text(_ iterator: OpaquePointer) -> String {
        var length: UInt32 = 0
        guard let pointer = bson_iter_utf8(iterator, &length) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: Int(length)), as: UTF8.self)
    }

    /// Text of at least `minLength` and at most `maxTextLength` UTF-8 bytes. A text has at most as
    /// many code points as bytes and one byte or more is one code point or more, so a text read
    /// here also meets the schema's limits, which count code points.
    private static func limitedText(_ iterator: OpaquePointer, minLength: Int) -> String? {
        guard bson_iter_type(iterator) == BSON_TYPE_UTF8 else { return nil }
        var length: UInt32 = 0
        guard let pointer = bson_iter_utf8(iterator, &length),
              Int(length) >= minLength, Int(length) <= maxTextLength
        else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: Int(length)), as: UTF8.self)
    }

    /// `sms_id` as text, from text or a whole number.
    private static func identifier(_ iterator: OpaquePointer) -> String? {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8: return limitedText(iterator, minLength: 1)
        case BSON_TYPE_INT32: return String(bson_iter_int32(iterator))
        case BSON_TYPE_INT64: return String(bson_iter_int64(iterator))
        default: return nil
        }
    }

    /// `sms_inbox_date` in epoch milliseconds, from a number, a `$date` or date text; nil when it
    /// does not parse or is outside `SMSInboxDateRange`.
    private static func timestamp(_ iterator: OpaquePointer) -> Int64? {
        guard let millis = anyTimestamp(iterator), SMSInboxDateRange.contains(millis) else { return nil }
        return millis
    }

    private static func anyTimestamp(_ iterator: OpaquePointer) -> Int64? {
        switch bson_iter_type(iterator) {
        case BSON_TYPE_UTF8:
            var length: UInt32 = 0
            guard let pointer = bson_iter_utf8(iterator, &length) else { return nil }
            return SMSDateParser.millis(utf8: UnsafeRawBufferPointer(start: pointer, count: Int(length)))
        case BSON_TYPE_INT32: return Int64(bson_iter_int32(iterator))
        case BSON_TYPE_INT64: return bson_iter_int64(iterator)
        case BSON_TYPE_DATE_TIME: return bson_iter_date_time(iterator)
        default: return nil
        }
    }

    /// Counts the values after the current one.
    private static func remainingCount(_ iterator: OpaquePointer) -> Int {
        var count = 0
        while bson_iter_next(iterator) { count += 1 }
        return count
    }
}
