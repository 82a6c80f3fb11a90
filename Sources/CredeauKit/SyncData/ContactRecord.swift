/// One address-book contact. `phones` contains every number the contact carries, as synced.
public struct ContactRecord: Sendable, Equatable {
    public var contactID: String?
    public var name: String?
    public var phones: [String]
    public var email: String?
    public var updatedAtMillis: Int64?
    /// Sync time of the earliest dated document that carried the contact, or nil when none did.
    /// An undated contact is visible only from this time on.
    public var syncedAtMillis: Int64?

    public init(
        contactID: String? = nil, name: String? = nil, phones: [String] = [], email: String? = nil,
        updatedAtMillis: Int64? = nil, syncedAtMillis: Int64? = nil
    ) {
        self.contactID = contactID
        self.name = name
        self.phones = phones
        self.email = email
        self.updatedAtMillis = updatedAtMillis
        self.syncedAtMillis = syncedAtMillis
    }
}
