import Dispatch
import Synchronization

/// Checks `x-client-id` and `x-auth-token` against the `clients` table.
///
/// Tokens are compared in constant time. The tokens of each client id are cached for
/// `cacheSeconds` (unknown ids too, so a flood of bad ids does not reach the database), which
/// bounds how long a removed client keeps access.
public final class ClientAuthenticator: Sendable {
    public let cacheSeconds: Double
    private let lookup: @Sendable (String) throws -> [String]
    /// Keyed by the id's bytes, as the database compares ids: with `String` keys, client
    /// "e\u{301}" would have been given the cached tokens of client "\u{E9}".
    private let cache = Mutex<[ExactText: CachedTokens]>([:])
    /// Entries kept at most; the cache is cleared when it grows past this.
    private let maxEntries = 10_000

    private struct CachedTokens {
        var tokens: [String]
        var fetchedAt: UInt64
    }

    /// - Parameter lookup: returns every `auth_token` stored for a client id (none when unknown).
    public init(cacheSeconds: Double = 30, lookup: @escaping @Sendable (String) throws -> [String]) {
        self.cacheSeconds = cacheSeconds
        self.lookup = lookup
    }

    /// Reads the tokens of `clientID` from `database`.
    public convenience init(database: InsightsDatabase, cacheSeconds: Double = 30) {
        self.init(cacheSeconds: cacheSeconds) { clientID in
            switch database {
            case let .postgres(pool):
                return try pool.query("SELECT auth_token FROM clients WHERE client_id = \(clientID)").rows
                    .compactMap { $0.first ?? nil }
            case let .sqlite(pool):
                return try pool.withDatabase { database in
                    try database.query("SELECT auth_token FROM clients WHERE client_id = ?", [.text(clientID)])
                        .compactMap { row in
                            if case let .text(token) = row.first { return token }
                            return nil
                        }
                }
            }
        }
    }

    /// True when `token` is one of the tokens stored for `clientID`.
    ///
    /// - Throws: the lookup's error when the database cannot be read and nothing is cached.
    public func isAuthorized(clientID: String, token: String) throws -> Bool {
        let tokens = try tokens(of: clientID)
        // Every stored token is compared, so the time does not reveal which one matched.
        var matched = false
        for stored in tokens where ConstantTime.equals(stored, token) { matched = true }
        return matched
    }

    private func tokens(of clientID: String) throws -> [String] {
        let now = DispatchTime.now().uptimeNanoseconds
        let maxAge = UInt64(cacheSeconds * 1e9)
        if let cached = cache.withLock({ $0[ExactText(clientID)] }), now - cached.fetchedAt < maxAge {
            return cached.tokens
        }
        let tokens = try lookup(clientID)
        cache.withLock { cache in
            if cache.count >= maxEntries { cache.removeAll(keepingCapacity: true) }
            cache[ExactText(clientID)] = CachedTokens(tokens: tokens, fetchedAt: now)
        }
        return tokens
    }

    /// Returns `token` with all but its first and last four characters replaced by `*`, for
    /// `unauthorized_requests`; tokens under 12 characters are replaced whole.
    public static func mask(_ token: String) -> String {
        guard token.count >= 12 else { return String(repeating: "*", count: min(token.count, 8)) }
        let characters = Array(token.prefix(256))
        return String(characters.prefix(4)) + String(repeating: "*", count: characters.count - 8)
            + String(characters.suffix(4))
    }
}
