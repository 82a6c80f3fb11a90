/// The handset platform a device snapshot comes from.
public enum DevicePlatform: String, Sendable {
    case android, ios
}

/// One device snapshot (Android or iOS). Every field the SDK may omit is optional.
public struct DeviceRecord: Sendable, Equatable {
    public var platform: DevicePlatform
    /// Sync time of the document that carried this snapshot, in epoch milliseconds.
    public var syncedAtMillis: Int64?
    public var manufacturer: String?
    public var model: String?
    public var osVersion: String?
    public var sdkInt: Int?
    public var deviceID: String?
    public var androidID: String?
    public var totalRAMMegabytes: Int?
    public var totalStorageMegabytes: Int?
    public var freeStorageMegabytes: Int?
    public var isRooted: Bool?
    public var isEmulator: Bool?
    public var isDeveloperMode: Bool?
    public var isMockLocation: Bool?
    public var simCount: Int?
    public var carrier: String?
    public var language: String?
    public var timezone: String?
    public var firstSeenMillis: Int64?

    public init(platform: DevicePlatform = .android, syncedAtMillis: Int64? = nil) {
        self.platform = platform
        self.syncedAtMillis = syncedAtMillis
    }
}
