/// One SMS as the phone SDK synced it, before classification.
///
/// `inboxDateMillis` is the time the handset received the message, in milliseconds since the
/// Unix epoch; readers convert text dates to it so that every later stage works on one clock.
public struct RawSMS: Sendable, Equatable {
    public var id: String
    /// The DLT header (`VM-HDFCBK-S`), a phone number, or nil when the dump has none.
    public var sender: String?
    public var body: String
    public var inboxDateMillis: Int64?
    public var clientID: String?
    public var userID: String?
    public var requestID: String?

    public init(
        id: String, sender: String?, body: String, inboxDateMillis: Int64?,
        clientID: String? = nil, userID: String? = nil, requestID: String? = nil
    ) {
        self.id = id
        self.sender = sender
        self.body = body
        self.inboxDateMillis = inboxDateMillis
        self.clientID = clientID
        self.userID = userID
        self.requestID = requestID
    }
}
