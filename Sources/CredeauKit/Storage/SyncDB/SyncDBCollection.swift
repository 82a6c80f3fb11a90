/// A source of synced phone data, as named in `DI_MONGODB_ENABLED_SOURCES`.
public enum SyncDBSource: String, Sendable, CaseIterable {
    case sms
    case apps
    case device
    case iosDevice = "ios_device"
    case contacts
    case callLogs = "call_logs"

    /// The MongoDB collection, and the PostgreSQL or SQLite table, holding this source.
    public var collection: SyncDBCollection {
        switch self {
        case .sms: return .sms
        case .apps: return .apps
        case .device: return .device
        case .iosDevice: return .iosDevice
        case .contacts: return .contacts
        case .callLogs: return .callLogs
        }
    }
}

/// One `sync_db` collection: its name, its MongoDB indexes and the columns its SQL table has.
///
/// In PostgreSQL and SQLite each collection is a table with an `id` key, the top-level fields in
/// `columns`, and `payload`, the whole document without `_id` as JSON.
public struct SyncDBCollection: Sendable, Equatable {
    public var name: String
    /// MongoDB index keys, each ascending, in index order.
    public var indexes: [[String]]
    /// Top-level document fields copied into columns of the SQL table. `created_at` is a
    /// timestamp in PostgreSQL and epoch milliseconds in SQLite; the others are text.
    public var columns: [String]

    static let syncRequestColumns = ["client_id", "user_id", "request_id", "created_at"]

    public static let sms = SyncDBCollection(
        name: "sms_sync_request_sms_data", indexes: [["client_id", "user_id"]], columns: syncRequestColumns)
    public static let apps = SyncDBCollection(
        name: "device_sync_request_apps_data", indexes: [["client_id", "user_id"]], columns: syncRequestColumns)
    public static let device = SyncDBCollection(
        name: "device_sync_request_device_data", indexes: [["client_id", "user_id"], ["request_id"]],
        columns: syncRequestColumns)
    public static let iosDevice = SyncDBCollection(
        name: "device_sync_request_ios_device_data", indexes: [["client_id", "user_id"], ["request_id"]],
        columns: syncRequestColumns)
    public static let contacts = SyncDBCollection(
        name: "contacts_sync_request_contacts_data", indexes: [["client_id", "user_id"]], columns: syncRequestColumns)
    public static let callLogs = SyncDBCollection(
        name: "call_logs_sync_request_call_logs_data", indexes: [["client_id", "user_id"]],
        columns: syncRequestColumns)
    public static let deviceTranspose = SyncDBCollection(
        name: "device_transpose", indexes: [["client_id"], ["value"], ["value_type"]],
        columns: ["client_id", "value", "value_type"])
    public static let deviceIDMapper = SyncDBCollection(
        name: "device_id_mapper",
        indexes: [["android_id"], ["app_device_id"], ["device_id"], ["assembled_id"], ["client_id"], ["google_adv_id"]],
        columns: ["android_id", "app_device_id", "device_id", "assembled_id", "client_id", "google_adv_id"])

    /// Every collection of `sync_db`, in the order migrations create them.
    public static let all: [SyncDBCollection] = [
        .device, .callLogs, .apps, .contacts, .deviceTranspose, .iosDevice, .sms, .deviceIDMapper,
    ]

    public static func named(_ name: String) -> SyncDBCollection? {
        all.first { $0.name == name }
    }

    /// The source stored in this collection; nil for `device_transpose` and `device_id_mapper`.
    public var source: SyncDBSource? {
        SyncDBSource.allCases.first { $0.collection == self }
    }

    /// True for the per-request collections that carry `request_id` and `created_at`.
    public var isSyncRequest: Bool { columns.contains("request_id") }

    /// Name of the SQL index over `fields`, e.g. `ix_device_id_mapper_client_id`.
    func indexName(_ fields: [String]) -> String {
        "ix_\(name)_" + fields.joined(separator: "_")
    }
}
