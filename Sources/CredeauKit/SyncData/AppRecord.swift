/// One installed app as the SDK reported it. Times are epoch milliseconds.
public struct AppRecord: Sendable, Equatable {
    public var packageName: String
    public var appName: String?
    public var firstInstallMillis: Int64?
    public var lastUpdateMillis: Int64?
    public var isSystemApp: Bool
    /// Sync time of the earliest dated document that listed the app, or nil when none did. An
    /// app without an install time is visible only from this time on.
    public var syncedAtMillis: Int64?
    /// Every `last_update_time` that a sync of the app reported, so that features can take the
    /// last one at or before the cutoff when a later sync reports a later update.
    public var updateTimesMillis: [Int64] = []

    public init(
        packageName: String, appName: String? = nil, firstInstallMillis: Int64? = nil,
        lastUpdateMillis: Int64? = nil, isSystemApp: Bool = false, syncedAtMillis: Int64? = nil
    ) {
        self.packageName = packageName
        self.appName = appName
        self.firstInstallMillis = firstInstallMillis
        self.lastUpdateMillis = lastUpdateMillis
        self.isSystemApp = isSystemApp
        self.syncedAtMillis = syncedAtMillis
    }

    /// Returns the last update at or before `cutoff` among every sync's `last_update_time`.
    public func lastUpdate(atOrBefore cutoff: Int64) -> Int64? {
        (updateTimesMillis + [lastUpdateMillis].compactMap { $0 }).filter { $0 <= cutoff }.max()
    }
}
