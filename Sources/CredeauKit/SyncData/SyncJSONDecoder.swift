/// The top-level fields of one sync document.
public struct SyncJSONHeader: Sendable, Equatable {
    public var clientID: String
    public var userID: String
    public var requestID: String?
    public var createdAtMillis: Int64?
}

/// One synced SMS before classification, with its folder.
public struct SyncedSMSRecord: Sendable, Equatable {
    public var raw: RawSMS
    public var folder: SMSFolder
}

/// Reads sync documents (one per sync request) into typed records, accepting the field-name
/// variants that SDK versions send. Errors name the source and the field.
public enum SyncJSONDecoder {
    /// The reason every reader gives, in the same words, for rejecting an empty client or user id.
    static let emptyIDReason = "empty: an id needs at least one character"

    /// Reads `client_id`, `user_id`, `request_id` and `created_at` (or their variants).
    public static func header(_ document: JSONValue, source: SyncSource) throws(SyncDataError) -> SyncJSONHeader {
        let fields = FieldReader(value: document, source: source)
        guard document.objectValue != nil else { throw .notAnObject(source: source, what: "document") }
        let clientID = try fields.requiredText(["client_id", "clientId"])
        let userID = try fields.requiredText(["user_id", "userId"])
        // No request and no listing can name an empty id, so it is as invalid as a missing one.
        for (names, id) in [(["client_id", "clientId"], clientID), (["user_id", "userId"], userID)] where id.isEmpty {
            throw .invalidValue(source: source, field: fields.firstName(names) ?? names[0], reason: emptyIDReason)
        }
        let requestID = try fields.text(["request_id", "requestId", "sync_request_id"])
        let createdAt = try fields.date(["created_at", "createdAt"])
        return SyncJSONHeader(clientID: clientID, userID: userID, requestID: requestID, createdAtMillis: createdAt)
    }

    /// Reads the SMS list of an `sms_sync_request_sms_data` document.
    ///
    /// - Parameter skipping: called for each SMS record that is left out because it cannot be
    ///   read (no body, a field of the wrong type) or its inbox date is outside `InboxDateRange`.
    ///   Without it, such a record makes the whole document fail with `SyncDataError.inSMS`
    ///   naming its position in the list.
    public static func sms(_ document: JSONValue, skipping: ((SyncDataError) -> Void)? = nil)
        throws(SyncDataError) -> [SyncedSMSRecord] {
        let header = try header(document, source: .sms)
        // A document without an SMS list but with an SMS body is one SMS, as in JSON Lines
        // exports of single messages.
        let topLevel = FieldReader(value: document, source: .sms)
        let isSingleSMS = topLevel.first(SMSFieldNames.list) == nil && topLevel.first(SMSFieldNames.body) != nil
        let records = isSingleSMS ? [document] : try recordList(document, source: .sms, names: SMSFieldNames.list)
        var result: [SyncedSMSRecord] = []
        result.reserveCapacity(records.count)
        for (offset, record) in records.enumerated() {
            do throws(SyncDataError) {
                guard let sms = try smsRecord(record, header: header) else { continue }
                result.append(sms)
            } catch {
                guard let skipping else { throw isSingleSMS ? error : .inSMS(index: offset + 1, problem: error) }
                skipping(error)
            }
        }
        return result
    }

    /// Reads one SMS record, or throws the problem that keeps it out.
    private static func smsRecord(_ record: JSONValue, header: SyncJSONHeader) throws(SyncDataError) -> SyncedSMSRecord? {
        guard record.objectValue != nil else {
            throw .invalidValue(source: .sms, field: nil, reason: "expected an SMS object, found \(record.kindName)")
        }
        let fields = FieldReader(value: record, source: .sms)
        guard let body = try checked(fields, SMSFieldNames.body, SMSFieldValue.body) else {
            throw .missingField(source: .sms, names: SMSFieldNames.body)
        }
        let id = try checked(fields, SMSFieldNames.id, SMSFieldValue.id) ?? ""
        let sender = try checked(fields, SMSFieldNames.sender, SMSFieldValue.sender)
        let dateNames = SMSFieldNames.date
        let date = try checked(fields, dateNames, SMSFieldValue.date) ?? nil
        if let date, let reason = InboxDateRange.problem(date, syncedAtMillis: header.createdAtMillis) {
            throw SyncDataError.implausibleField(source: .sms, field: fields.firstName(dateNames) ?? dateNames[0], reason: reason)
        }
        let folder = SMSFieldNames.folder(fromText: try fields.text(SMSFieldNames.folder))
        let raw = RawSMS(
            id: id, sender: sender, body: body, inboxDateMillis: date, clientID: header.clientID,
            userID: header.userID, requestID: header.requestID)
        return SyncedSMSRecord(raw: raw, folder: folder)
    }

    /// Returns the value of the first of `names` present, read by `read`, or nil when none is present.
    private static func checked<Value>(
        _ fields: FieldReader, _ names: [String], _ read: (JSONValue) throws(SMSFieldValue.Mismatch) -> Value
    ) throws(SyncDataError) -> Value? {
        guard let value = fields.first(names) else { return nil }
        do {
            return try read(value)
        } catch {
            throw .invalidValue(source: .sms, field: fields.firstName(names) ?? names[0], reason: error.reason)
        }
    }

    /// The accepted names of the SMS list and of each SMS field, the first present winning.
    /// `SMSDocumentBSONReader` reads the same names.
    enum SMSFieldNames {
        static let list = ["sms", "data", "records", "batch", "sms_data", "messages"]
        static let body = ["sms_body", "body", "message", "text"]
        static let id = ["sms_id", "id", "_id", "message_id"]
        static let sender = ["sms_sender", "sender", "address", "from"]
        static let date = ["sms_inbox_date", "date", "inbox_date", "received_at"]
        static let folder = ["folder", "type"]

        /// `sent` (any case) or `2` is the sent folder; anything else, or no folder, the inbox.
        static func folder(fromText text: String?) -> SMSFolder {
            let lowered = text?.lowercased()
            return lowered == "sent" || lowered == "2" ? .sent : .inbox
        }
    }

    /// Reads the app list of a `device_sync_request_apps_data` document.
    public static func apps(_ document: JSONValue) throws(SyncDataError) -> [AppRecord] {
        let records = try recordList(
            document, source: .apps, names: ["apps", "data", "records", "batch", "apps_data", "installed_apps"])
        let syncedAt = try syncTime(document, source: .apps)
        var result: [AppRecord] = []
        result.reserveCapacity(records.count)
        for record in records {
            let fields = try FieldReader(record: record, source: .apps)
            result.append(AppRecord(
                packageName: try fields.requiredText(["package_name", "package", "app_package"]),
                appName: try fields.text(["app_name", "name", "label"]),
                firstInstallMillis: plausibleTime(try fields.date(["first_install_time", "installed_at"]), syncedAt),
                lastUpdateMillis: plausibleTime(try fields.date(["last_update_time", "updated_at"]), syncedAt),
                isSystemApp: try fields.bool(["is_system_app", "system_app", "is_system"]) ?? false))
        }
        return result
    }

    /// Reads the device object of a device or iOS device document.
    public static func device(_ document: JSONValue, platform: DevicePlatform) throws(SyncDataError) -> DeviceRecord {
        let source: SyncSource = platform == .ios ? .iosDevice : .device
        let header = try header(document, source: source)
        let names = platform == .ios ? ["device", "data", "ios_device", "device_data"] : ["device", "data", "device_data"]
        let documentFields = FieldReader(value: document, source: source)
        guard let object = documentFields.first(names) else { throw .missingField(source: source, names: names) }
        let fields = try FieldReader(record: object, source: source)
        var device = DeviceRecord(platform: platform, syncedAtMillis: header.createdAtMillis)
        device.manufacturer = try fields.text(["manufacturer", "brand"])
        device.model = try fields.text(["model"])
        device.osVersion = try fields.text(["os_version", "android_version"])
        device.sdkInt = try fields.int(["sdk_int"])
        device.deviceID = try fields.text(["device_id"])
        device.androidID = try fields.text(["android_id"])
        device.totalRAMMegabytes = try fields.int(["total_ram_mb"])
        device.totalStorageMegabytes = try fields.int(["total_storage_mb"])
        device.freeStorageMegabytes = try fields.int(["free_storage_mb"])
        device.isRooted = try fields.bool(["is_rooted"])
        device.isEmulator = try fields.bool(["is_emulator"])
        device.isDeveloperMode = try fields.bool(["is_developer_mode"])
        device.isMockLocation = try fields.bool(["is_mock_location"])
        device.simCount = try fields.int(["sim_count"])
        device.carrier = try fields.text(["carrier"])
        device.language = try fields.text(["language"])
        device.timezone = try fields.text(["timezone"])
        device.firstSeenMillis = plausibleTime(try fields.date(["first_seen_at"]), header.createdAtMillis)
        return device
    }

    /// Reads the contact list of a `contacts_sync_request_contacts_data` document.
    public static func contacts(_ document: JSONValue) throws(SyncDataError) -> [ContactRecord] {
        let records = try recordList(
            document, source: .contacts, names: ["contacts", "data", "records", "batch", "contacts_data"])
        let syncedAt = try syncTime(document, source: .contacts)
        var result: [ContactRecord] = []
        result.reserveCapacity(records.count)
        for record in records {
            let fields = try FieldReader(record: record, source: .contacts)
            var phones: [String] = []
            if let list = fields.first(["phone_numbers"])?.arrayValue {
                phones = list.compactMap { FieldReader.scalarText($0) }
            } else if let phone = try fields.text(["phone", "number"]) {
                phones = [phone]
            }
            result.append(ContactRecord(
                contactID: try fields.text(["contact_id", "id"]), name: try fields.text(["name", "display_name"]),
                phones: phones, email: try fields.text(["email"]),
                updatedAtMillis: plausibleTime(try fields.date(["updated_at", "last_updated"]), syncedAt)))
        }
        return result
    }

    /// Reads the call list of a `call_logs_sync_request_call_logs_data` document.
    ///
    /// A call whose time is implausible (`plausibleTime`) is left out: a call cannot be placed in a
    /// window without its time, and a time of 0 would make the first call decades old.
    public static func callLogs(_ document: JSONValue) throws(SyncDataError) -> [CallLogRecord] {
        let records = try recordList(
            document, source: .callLogs, names: ["call_logs", "data", "records", "batch", "call_logs_data", "calls"])
        let syncedAt = try syncTime(document, source: .callLogs)
        var result: [CallLogRecord] = []
        result.reserveCapacity(records.count)
        for record in records {
            let fields = try FieldReader(record: record, source: .callLogs)
            let typeNames = ["type"]
            var type = CallType.other
            if let code = fields.first(typeNames)?.integerValue {
                type = CallType(androidCode: code)
            } else if let text = try fields.text(typeNames) {
                if let code = Int64(text) {
                    type = CallType(androidCode: code)
                } else if let named = CallType(rawValue: text.lowercased()) {
                    type = named
                } else {
                    throw .invalidField(source: .callLogs, field: "type", value: text,
                                        expected: "incoming, outgoing, missed, rejected or an Android code")
                }
            }
            guard let date = try fields.date(["call_date", "date", "timestamp"]) else {
                throw .missingField(source: .callLogs, names: ["call_date", "date", "timestamp"])
            }
            guard plausibleTime(date, syncedAt) != nil else { continue }
            result.append(CallLogRecord(
                callID: try fields.text(["call_id", "id"]), number: try fields.text(["number", "phone"]) ?? "",
                type: type, durationSeconds: try fields.int(["duration"]) ?? 0, dateMillis: date,
                name: try fields.text(["name"])))
        }
        return result
    }

    /// Returns `millis` when it is a plausible time for a record of a sync stored at `syncedAt`,
    /// and nil otherwise. The range is that of an SMS inbox date (`InboxDateRange`): from 2000 to
    /// one day after the sync. SDKs send 0 or a broken clock's time for "unknown", and such a time
    /// would make a device decades old or hide an app installed "after" the cutoff, so it counts as
    /// not reported rather than failing the record.
    static func plausibleTime(_ millis: Int64?, _ syncedAt: Int64?) -> Int64? {
        guard let millis, InboxDateRange.problem(millis, syncedAtMillis: syncedAt) == nil else { return nil }
        return millis
    }

    /// Reads the `created_at` of a document, as `header(_:source:)` does.
    private static func syncTime(_ document: JSONValue, source: SyncSource) throws(SyncDataError) -> Int64? {
        try FieldReader(value: document, source: source).date(["created_at", "createdAt"])
    }

    private static func recordList(
        _ document: JSONValue, source: SyncSource, names: [String]
    ) throws(SyncDataError) -> [JSONValue] {
        guard document.objectValue != nil else { throw .notAnObject(source: source, what: "document") }
        let fields = FieldReader(value: document, source: source)
        let expected = source == .sms ? "an array of SMS" : "an array of records"
        guard let value = fields.first(names) else {
            // A list sent as null is there but unusable, so it is not reported as missing.
            if let name = names.first(where: { document[$0] == .null }) {
                throw .invalidValue(source: source, field: name, reason: "expected \(expected), found null")
            }
            throw .missingField(source: source, names: names)
        }
        guard let list = value.arrayValue else {
            throw .invalidValue(source: source, field: fields.firstName(names) ?? names[0],
                                reason: "expected \(expected), found \(value.kindName)")
        }
        return list
    }
}
