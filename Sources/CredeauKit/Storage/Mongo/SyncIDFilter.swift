/// The query that finds one user's `sync_db` documents in MongoDB, whatever BSON type the SDK
/// stored the ids in.
///
/// The dump reader reads an int32 or int64 `user_id` as its digits and an ObjectId as its hex, so
/// user "12345" owns a document with `"user_id": 12345`. The query requests each form the id may
/// have been stored in. `matches` then keeps only the documents the dump reader would give to
/// that user, because MongoDB also matches the double 12345.0, which the dump reader rejects.
enum SyncIDFilter {
    /// The spellings of the client and user ids, in the order the dump reader tries them.
    private static let clientIDKeys = ["client_id", "clientId"]
    private static let userIDKeys = ["user_id", "userId"]

    /// Returns the filter as Extended JSON: any spelling of the client id and any spelling of the
    /// user id must match, since a document may mix them (`client_id` with `userId`).
    static func json(clientID: String, userID: String) -> String {
        var filter: [UInt8] = Array(#"{"$or": ["#.utf8)
        var first = true
        for clientKey in clientIDKeys {
            for userKey in userIDKeys {
                filter += Array((first ? "{" : ", {").utf8)
                first = false
                JSONText.appendString(clientKey, to: &filter)
                filter += Array(": ".utf8)
                appendCandidates(clientID, to: &filter)
                filter += Array(", ".utf8)
                JSONText.appendString(userKey, to: &filter)
                filter += Array(": ".utf8)
                appendCandidates(userID, to: &filter)
                filter += Array("}".utf8)
            }
        }
        filter += Array("]}".utf8)
        return String(decoding: filter, as: UTF8.self)
    }

    /// Returns true when the document's ids read as exactly these ids. Each id is read from the
    /// first of its spellings that the document has, as the dump reader reads it.
    static func matches(_ document: BSONBytes, clientID: String, userID: String) -> Bool {
        guard let client = firstID(document, clientIDKeys), let user = firstID(document, userIDKeys) else { return false }
        return ExactText(client) == ExactText(clientID) && ExactText(user) == ExactText(userID)
    }

    /// Returns the id text of the first key in `keys` that the document has, or nil when that
    /// one is no id or none is present.
    private static func firstID(_ document: BSONBytes, _ keys: [String]) -> String? {
        guard let key = keys.first(where: document.contains) else { return nil }
        return document.idText(key)
    }

    /// The spellings of the request id, in the order the dump reader tries them.
    private static let requestIDKeys = ["request_id", "requestId", "sync_request_id"]

    /// Returns the filter of `json(clientID:userID:)` narrowed to one sync request: any spelling
    /// of the request id, in any form the request id text may have been stored in.
    static func json(clientID: String, userID: String, requestID: String) -> String {
        var request: [UInt8] = Array(#"{"$or": ["#.utf8)
        for (index, key) in requestIDKeys.enumerated() {
            request += Array((index == 0 ? "{" : ", {").utf8)
            JSONText.appendString(key, to: &request)
            request += Array(": ".utf8)
            appendCandidates(requestID, to: &request)
            request += Array("}".utf8)
        }
        request += Array("]}".utf8)
        return #"{"$and": [\#(json(clientID: clientID, userID: userID)), \#(String(decoding: request, as: UTF8.self))]}"#
    }

    /// Returns true when `document` belongs to these ids, as `matches(_:clientID:userID:)` checks,
    /// and its request id reads as exactly `requestID`.
    static func matches(_ document: BSONBytes, clientID: String, userID: String, requestID: String) -> Bool {
        guard matches(document, clientID: clientID, userID: userID),
              let stored = firstID(document, requestIDKeys) else { return false }
        return ExactText(stored) == ExactText(requestID)
    }

    /// Appends the id as text, or an `$in` of the text and the number or ObjectId it is the text of.
    private static func appendCandidates(_ id: String, to filter: inout [UInt8]) {
        var others: [String] = []
        if let number = Int64(id), String(number) == id { others.append(#"{"$numberLong": "\#(id)"}"#) }
        if id.utf8.count == 24, id.utf8.allSatisfy(isLowercaseHexDigit) { others.append(#"{"$oid": "\#(id)"}"#) }
        guard !others.isEmpty else {
            JSONText.appendString(id, to: &filter)
            return
        }
        filter += Array(#"{"$in": ["#.utf8)
        JSONText.appendString(id, to: &filter)
        for other in others { filter += Array(", \(other)".utf8) }
        filter += Array("]}".utf8)
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
