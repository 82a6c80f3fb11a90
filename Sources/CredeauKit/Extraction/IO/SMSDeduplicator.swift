/// Drops SMS that a user's later sync requests send again.
///
/// An SMS is a duplicate when its id was seen before, or when an SMS with the same sender, inbox
/// date and body was seen before (a re-sent SMS can get a new id). SMS without an inbox date are
/// matched by id only, because identical texts from one sender at unknown times can be distinct
/// messages. One deduplicator serves one user, so memory grows with that user's SMS only.
struct SMSDeduplicator {
    private struct ContentKey: Hashable {
        var sender: String?
        var inboxDateMillis: Int64
        var body: String
    }

    private var seenIDs: Set<String> = []
    private var seenContents: Set<ContentKey> = []

    /// Records `sms` and returns true when it is new for this user.
    mutating func insert(_ sms: RawSMS) -> Bool {
        let isNewID = seenIDs.insert(sms.id).inserted
        guard let date = sms.inboxDateMillis else { return isNewID }
        let isNewContent = seenContents.insert(ContentKey(sender: sms.sender, inboxDateMillis: date, body: sms.body)).inserted
        return isNewID && isNewContent
    }

    mutating func reset() {
        seenIDs.removeAll(keepingCapacity: true)
        seenContents.removeAll(keepingCapacity: true)
    }
}

/// The owner of a group of SMS: output keeps each user's entries together.
public struct UserKey: Hashable, Sendable, CustomStringConvertible {
    public var clientID: String?
    public var userID: String?

    public init(clientID: String?, userID: String?) {
        self.clientID = clientID
        self.userID = userID
    }

    public var description: String {
        "\(clientID ?? "-")/\(userID ?? "-")"
    }
}
