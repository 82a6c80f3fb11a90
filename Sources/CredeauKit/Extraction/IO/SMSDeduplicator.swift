/// The content identity of an SMS across re-syncs, shared by `extract --sms` and featurisation so
/// both drop the same duplicates.
///
/// It is the sender reduced by `SenderNormaliser` (so `vm-hdfcbk`, `VM-HDFCBK` and `AX-HDFCBK-S`
/// match), the inbox date to the second, and the exact body. An SMS without an inbox date has no
/// content key, because identical texts from one sender at unknown times can be distinct messages.
/// Texts compare as bytes: Swift's `==` would take "café" with a composed and a decomposed "é"
/// as one text.
struct SMSDuplicateKey: Hashable {
    let sender: String
    let inboxSecond: Int64
    let body: String
    /// The hash of the three fields, computed once, because each key is looked up and inserted
    /// several times and hashing the body each time cost more than the lookups themselves.
    private let fieldsHash: Int

    init?(_ sms: RawSMS, senderKeys: inout SenderKeyCache) {
        guard let millis = sms.inboxDateMillis else { return nil }
        sender = senderKeys.key(for: sms.sender)
        inboxSecond = floorDivide(millis, 1000)
        body = sms.body
        var hasher = Hasher()
        ExactText(sender).hash(into: &hasher)
        hasher.combine(inboxSecond)
        ExactText(body).hash(into: &hasher)
        fieldsHash = hasher.finalize()
    }

    static func == (lhs: SMSDuplicateKey, rhs: SMSDuplicateKey) -> Bool {
        lhs.fieldsHash == rhs.fieldsHash && lhs.inboxSecond == rhs.inboxSecond
            && ExactText(lhs.sender) == ExactText(rhs.sender) && ExactText(lhs.body) == ExactText(rhs.body)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fieldsHash)
    }
}

/// Drops SMS that a user's later sync requests send again.
///
/// An SMS is a duplicate when its id, or its `SMSDuplicateKey`, was seen before on any earlier SMS
/// of the user, kept or dropped (a re-sent SMS can get a new id). One deduplicator serves one
/// user, so memory grows with that user's SMS only.
struct SMSDeduplicator {
    /// Byte-exact, as the stores compare ids: "é" and "e\u{301}" are two SMS.
    private var seenIDs: Set<ExactText> = []
    private var seenContents: Set<SMSDuplicateKey> = []
    private var senderKeys = SenderKeyCache()

    /// Records `sms` and returns true when it is new for this user.
    mutating func insert(_ sms: RawSMS) -> Bool {
        let isNewID = seenIDs.insert(ExactText(sms.id)).inserted
        guard let key = SMSDuplicateKey(sms, senderKeys: &senderKeys) else { return isNewID }
        let isNewContent = seenContents.insert(key).inserted
        return isNewID && isNewContent
    }

    mutating func reset() {
        seenIDs.removeAll(keepingCapacity: true)
        seenContents.removeAll(keepingCapacity: true)
        senderKeys = SenderKeyCache()
    }
}

/// The owner of a group of SMS: output keeps each user's entries together.
///
/// Ids compare as bytes, as the databases compare them: user "é" and user "e\u{301}" are two users.
public struct UserKey: Hashable, Sendable, CustomStringConvertible {
    public var clientID: String?
    public var userID: String?

    public init(clientID: String?, userID: String?) {
        self.clientID = clientID
        self.userID = userID
    }

    public static func == (lhs: UserKey, rhs: UserKey) -> Bool {
        lhs.clientID.map(ExactText.init) == rhs.clientID.map(ExactText.init)
            && lhs.userID.map(ExactText.init) == rhs.userID.map(ExactText.init)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(clientID.map(ExactText.init))
        hasher.combine(userID.map(ExactText.init))
    }

    public var description: String {
        "\(clientID ?? "-")/\(userID ?? "-")"
    }
}
