import CBSON

/// Recovers the client and user ids from a document that cannot be parsed, so `--keep-going` can
/// skip the user it belongs to.
///
/// This is best effort. For BSON it reads the top-level string fields that come before the damage.
/// For JSON it takes the first `"client_id"` and `"user_id"` members with a string or integer
/// value found in the text, which are the header fields in sync_db documents.
enum UnreadableDocumentOwner {
    static func owner(of bytes: UnsafeRawBufferPointer, format: SMSInputFormat) -> SyncDBUser? {
        let ids = format == .bson ? bsonIDs(bytes) : jsonIDs(bytes)
        guard let clientID = ids.clientID, let userID = ids.userID, !clientID.isEmpty, !userID.isEmpty else { return nil }
        return SyncDBUser(clientID: clientID, userID: userID)
    }

    private static func bsonIDs(_ bytes: UnsafeRawBufferPointer) -> (clientID: String?, userID: String?) {
        var ids: (clientID: String?, userID: String?) = (nil, nil)
        guard let base = bytes.baseAddress, bytes.count >= 5, let iterator = credeau_bson_iter_new() else { return ids }
        defer { credeau_bson_iter_free(iterator) }
        guard bson_iter_init_from_data(iterator, base.assumingMemoryBound(to: UInt8.self), bytes.count) else { return ids }
        // bson_iter_next returns false at the first field it cannot read, so only intact fields are seen.
        while bson_iter_next(iterator) {
            guard bson_iter_type(iterator) == BSON_TYPE_UTF8 else { continue }
            let key = String(cString: bson_iter_key(iterator))
            var length: UInt32 = 0
            guard let pointer = bson_iter_utf8(iterator, &length) else { continue }
            let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: Int(length)), as: UTF8.self)
            assign(text, key: key, to: &ids)
        }
        return ids
    }

    private static func jsonIDs(_ bytes: UnsafeRawBufferPointer) -> (clientID: String?, userID: String?) {
        var ids: (clientID: String?, userID: String?) = (nil, nil)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\""), let key = quoted(bytes, from: index) else {
                index += 1
                continue
            }
            index = key.end
            var next = key.end
            while next < bytes.count, DocumentScanner.isJSONSpace(bytes[next]) { next += 1 }
            guard next < bytes.count, bytes[next] == UInt8(ascii: ":") else { continue }
            next += 1
            while next < bytes.count, DocumentScanner.isJSONSpace(bytes[next]) { next += 1 }
            guard let value = scalar(bytes, from: next) else { continue }
            assign(value.text, key: key.text, to: &ids)
            index = value.end
        }
        return ids
    }

    private static func assign(_ text: String, key: String, to ids: inout (clientID: String?, userID: String?)) {
        if ids.clientID == nil, SyncRecordField.clientID.names.contains(key) { ids.clientID = text }
        if ids.userID == nil, SyncRecordField.userID.names.contains(key) { ids.userID = text }
    }

    /// Reads a string without escapes starting at the quote at `start`; returns its text and the index after it.
    private static func quoted(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (text: String, end: Int)? {
        var end = start + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            if bytes[end] == UInt8(ascii: "\\") { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self), end + 1)
    }

    private static func scalar(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (text: String, end: Int)? {
        guard start < bytes.count else { return nil }
        if bytes[start] == UInt8(ascii: "\"") { return quoted(bytes, from: start) }
        var end = start
        while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
        guard end > start else { return nil }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), end)
    }
}
