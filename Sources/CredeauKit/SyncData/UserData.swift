/// Whether an SMS was received or sent by the handset.
public enum SMSFolder: String, Sendable {
    case inbox, sent
}

/// Everything synced for one user, deduplicated across syncs: the input of the feature engine.
///
/// A snapshot source that was never synced is nil, which the engine reports as null features
/// with a `<source>_data_null_reason`. A source synced with no records is an empty array, which
/// gives zero counts.
public struct UserData: Sendable {
    public var clientID: String
    public var userID: String
    /// Classified SMS. `smsFolders[i]` is the folder of `sms[i]`; an empty `smsFolders` means
    /// every SMS is in the inbox.
    public var sms: [ExtractedSMS]
    public var smsFolders: [SMSFolder]
    public var apps: [AppRecord]?
    /// Android device snapshots, oldest sync first.
    public var device: [DeviceRecord]?
    /// iOS device snapshots, oldest sync first.
    public var iosDevice: [DeviceRecord]?
    public var contacts: [ContactRecord]?
    public var callLogs: [CallLogRecord]?
    /// Sync times (`created_at`, epoch milliseconds) of every document read, per source.
    public var syncTimes: [SyncSource: [Int64]]
    /// Received times (epoch milliseconds) of the dated SMS the loader dropped as duplicates of a
    /// kept SMS (same id, or same sender, body and received second).
    public var droppedDuplicateMillis: [Int64] = []

    public init(
        clientID: String, userID: String, sms: [ExtractedSMS] = [], smsFolders: [SMSFolder] = [],
        apps: [AppRecord]? = nil, device: [DeviceRecord]? = nil, iosDevice: [DeviceRecord]? = nil,
        contacts: [ContactRecord]? = nil, callLogs: [CallLogRecord]? = nil, syncTimes: [SyncSource: [Int64]] = [:]
    ) {
        self.clientID = clientID
        self.userID = userID
        self.sms = sms
        self.smsFolders = smsFolders
        self.apps = apps
        self.device = device
        self.iosDevice = iosDevice
        self.contacts = contacts
        self.callLogs = callLogs
        self.syncTimes = syncTimes
    }

    /// Returns the folder of `sms[index]`.
    @inline(__always)
    func folder(ofSMSAt index: Int) -> SMSFolder {
        index < smsFolders.count ? smsFolders[index] : .inbox
    }

    /// True when SMS were synced at least once: a sync entry (possibly without a time) is
    /// recorded, or SMS are present.
    var smsSynced: Bool { syncTimes[.sms] != nil || !sms.isEmpty }
}

/// The six synced sources, named as in `<source>_data_null_reason`.
public enum SyncSource: String, Sendable, CaseIterable {
    case sms, apps, device
    case iosDevice = "ios_device"
    case contacts
    case callLogs = "call_logs"

    /// The MongoDB collection (and SQL table) the operators' deployments store this source in.
    public var collection: String {
        switch self {
        case .sms: return "sms_sync_request_sms_data"
        case .apps: return "device_sync_request_apps_data"
        case .device: return "device_sync_request_device_data"
        case .iosDevice: return "device_sync_request_ios_device_data"
        case .contacts: return "contacts_sync_request_contacts_data"
        case .callLogs: return "call_logs_sync_request_call_logs_data"
        }
    }
}
