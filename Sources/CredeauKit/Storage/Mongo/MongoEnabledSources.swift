/// The sources read from MongoDB, from `DI_MONGODB_ENABLED_SOURCES`; the others come from
/// PostgreSQL or SQLite `sync_db`.
public struct MongoEnabledSources: Sendable, Equatable {
    public private(set) var sources: Set<SyncDBSource>

    public init(sources: Set<SyncDBSource>) {
        self.sources = sources
    }

    /// Parses `*` (every source) or a comma list such as `sms,apps,device`.
    ///
    /// When the variable is unset, every source is read from MongoDB if `DI_MONGODB_HOST` is set,
    /// and none otherwise.
    public init(environment: [String: String]) throws {
        let text = (environment["DI_MONGODB_ENABLED_SOURCES"] ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            let mongoConfigured = !(environment["DI_MONGODB_HOST"] ?? "").isEmpty
            sources = mongoConfigured ? Set(SyncDBSource.allCases) : []
            return
        }
        if text == "*" {
            sources = Set(SyncDBSource.allCases)
            return
        }
        var parsed: Set<SyncDBSource> = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let source = SyncDBSource(rawValue: trimmed) else {
                throw MongoError.invalidSetting(
                    variable: "DI_MONGODB_ENABLED_SOURCES", value: String(name),
                    expected: "* or a comma list of " + SyncDBSource.allCases.map(\.rawValue).joined(separator: ", "))
            }
            parsed.insert(source)
        }
        sources = parsed
    }

    public func contains(_ source: SyncDBSource) -> Bool {
        sources.contains(source)
    }
}
