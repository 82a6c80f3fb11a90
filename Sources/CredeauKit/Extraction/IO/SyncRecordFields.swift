/// The fields the readers look up in a sync-request document or a single SMS object, with the
/// accepted name variants of the sync_db layout. The first name of each is the canonical one.
enum SyncRecordField: Int, CaseIterable {
    case clientID, userID, requestID, createdAt, smsArray
    case smsID, sender, body, inboxDate, folder

    var names: [String] {
        switch self {
        case .clientID: return ["client_id", "clientId"]
        case .userID: return ["user_id", "userId"]
        case .requestID: return ["request_id", "requestId", "sync_request_id"]
        case .createdAt: return ["created_at", "createdAt"]
        case .smsArray: return ["sms", "data", "records", "batch", "sms_data", "messages"]
        case .smsID: return ["sms_id", "id", "_id", "message_id"]
        case .sender: return ["sms_sender", "sender", "address", "from"]
        case .body: return ["sms_body", "body", "message", "text"]
        case .inboxDate: return ["sms_inbox_date", "date", "inbox_date", "received_at"]
        case .folder: return ["folder", "type"]
        }
    }

    var canonicalName: String { names[0] }

    /// The fields of a sync-request document that name whose SMS it contains and when it was sent.
    static let headerFields: [SyncRecordField] = [.clientID, .userID, .requestID, .createdAt]

    /// Each accepted name with its field and rank (0 for the canonical name).
    private static let byName: [String: (field: SyncRecordField, rank: Int)] = {
        var table: [String: (field: SyncRecordField, rank: Int)] = [:]
        for field in allCases {
            for (rank, name) in field.names.enumerated() {
                table[name] = (field, rank)
            }
        }
        return table
    }()

    /// Finds the known fields of one object in a single pass; when several variants of a field are
    /// present, the one listed first wins. A null counts as absent, as in the feature loader
    /// (`FieldReader.first`), so `"user_id": null` beside `"userId": "u"` gives `u`. When every
    /// variant present is null, the first of them is kept, so that the null is reported as such.
    /// Of a key repeated in the object the last wins, as in the feature loader and Python's json module.
    static func pick(from fields: BSONFieldSequence) -> PickedFields {
        var picked = PickedFields()
        for field in fields {
            guard let (known, rank) = byName[field.key] else { continue }
            // Types are read only when a second variant turns up, which few documents have.
            if let current = picked.ranks[known.rawValue], let currentField = picked.values[known.rawValue],
               currentField.key != field.key {
                let isNull = field.isNull
                let currentIsNull = currentField.isNull
                // A value beats a null whatever their ranks, and between equals the lower rank wins.
                if isNull && !currentIsNull { continue }
                if isNull == currentIsNull, current < rank { continue }
            }
            picked.ranks[known.rawValue] = rank
            picked.values[known.rawValue] = field
        }
        return picked
    }

    /// Returns the canonical name of any accepted variant, for messages about a field found by name.
    static func canonicalName(of name: String) -> String {
        byName[name]?.field.canonicalName ?? name
    }
}

/// The known fields of one object, as found by `SyncRecordField.pick`.
struct PickedFields {
    fileprivate var values = [BSONField?](repeating: nil, count: SyncRecordField.allCases.count)
    fileprivate var ranks = [Int?](repeating: nil, count: SyncRecordField.allCases.count)

    subscript(field: SyncRecordField) -> BSONField? { values[field.rawValue] }
}
