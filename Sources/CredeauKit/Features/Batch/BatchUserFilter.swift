/// One of N equal parts of the users, picked by a hash of client and user id, so that N
/// machines can each take one part of a large dump without talking to each other.
public struct UserShard: Sendable, Equatable {
    /// 1-based part number, from 1 to `count`.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N; nil for anything else.
    public init?(text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, (1...count).contains(index)
        else { return nil }
        self.init(index: index, count: count)
    }

    /// True when the user falls in this part. The hash is 64-bit FNV-1a over the client id, a
    /// zero byte and the user id, so every machine and every run agrees.
    public func contains(clientID: String, userID: String) -> Bool {
        Int(Self.hash(clientID: clientID, userID: userID) % UInt64(count)) == index - 1
    }

    static func hash(clientID: String, userID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        clientID.utf8.forEach(mix)
        mix(0)
        userID.utf8.forEach(mix)
        return hash
    }
}

/// Which users a batch extraction keeps: by user id, by client and by shard.
///
/// Ids match byte for byte, as the databases compare them: `--users "e\u{301}"` does not select
/// user "\u{E9}", which Swift's `String ==` would take as the same id.
public struct BatchUserFilter: Sendable, Equatable {
    /// User ids to keep; nil keeps every user.
    public var userIDs: Set<ExactText>?
    /// Keeps this client's users only; nil keeps every client.
    public var clientID: String?
    public var shard: UserShard?

    public init(userIDs: [String]? = nil, clientID: String? = nil, shard: UserShard? = nil) {
        self.userIDs = userIDs.map { Set($0.map(ExactText.init)) }
        self.clientID = clientID
        self.shard = shard
    }

    public func accepts(clientID: String, userID: String) -> Bool {
        if let wanted = self.clientID, ExactText(wanted) != ExactText(clientID) { return false }
        if let wanted = userIDs, !wanted.contains(ExactText(userID)) { return false }
        if let shard, !shard.contains(clientID: clientID, userID: userID) { return false }
        return true
    }
}
