/// Everything the families read for one user and cutoff, with the shared passes cached so that
/// each is computed once even when several families use it.
final class FeatureInput {
    let user: UserData
    let clock: FeatureClock
    let sms: PreparedSMS
    let appCategories: (any AppCategoryProvider)?
    let devicePrices: (any DevicePriceProvider)?

    init(
        user: UserData, clock: FeatureClock, appCategories: (any AppCategoryProvider)?,
        devicePrices: (any DevicePriceProvider)?
    ) {
        let user = user.withUsableAmounts()
        self.user = user
        self.clock = clock
        self.sms = PreparedSMS(user: user, clock: clock)
        self.appCategories = appCategories
        self.devicePrices = devicePrices
    }

    /// Transaction statistics of the extracted SMS, shared by the transaction, ratio, income and
    /// fraud families.
    lazy var transactions = TransactionState(input: self)
    lazy var apps: AppState? = AppState(input: self)
    lazy var device: DeviceRecord? = selectDevice()

    var cutoff: Int64 { clock.cutoffMillis }

    /// Calls `body` with a pointer to the first SMS, or not at all when there are none. Hot loops
    /// read fields through it in place, because copying the large `ExtractedSMS` value on every
    /// iteration took about a fifth of the engine's time in profiles.
    func withSMSBase(_ body: (UnsafePointer<ExtractedSMS>) -> Void) {
        user.sms.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            body(base)
        }
    }

    /// Reason that SMS features are null, or nil when SMS are available.
    lazy var smsNullReason: String? = {
        if !user.smsSynced {
            return user.iosDevice != nil && user.device == nil ? "platform_unsupported" : "not_synced"
        }
        let times = user.syncTimes[.sms] ?? []
        let syncedBeforeCutoff = times.contains { $0 <= cutoff }
        if sms.count == 0, !syncedBeforeCutoff { return "no_data_before_cutoff" }
        return nil
    }()

    /// Returns the reason that a snapshot source's features are null, or nil when it is available.
    func nullReason(synced: Bool, source: SyncSource, visibleRecords: Int) -> String? {
        guard synced else { return "not_synced" }
        let syncedBeforeCutoff = (user.syncTimes[source] ?? []).contains { $0 <= cutoff }
        let hasSyncTimes = !(user.syncTimes[source] ?? []).isEmpty
        if visibleRecords == 0, hasSyncTimes, !syncedBeforeCutoff { return "no_data_before_cutoff" }
        return nil
    }

    /// Returns true when a record's own time, else the first dated sync that carried it, is at or
    /// before the cutoff. Without either it uses the source's first sync time, and true without one.
    private func isVisible(recordTime: Int64?, syncedAt: Int64?, source: SyncSource) -> Bool {
        if let recordTime { return recordTime <= cutoff }
        if let syncedAt { return syncedAt <= cutoff }
        guard let first = user.syncTimes[source]?.first else { return true }
        return first <= cutoff
    }

    /// Returns true when `contact` may be used at the cutoff (see `isVisible(recordTime:syncedAt:source:)`).
    func isVisible(_ contact: ContactRecord) -> Bool {
        isVisible(recordTime: contact.updatedAtMillis, syncedAt: contact.syncedAtMillis, source: .contacts)
    }

    /// Returns true when `app` may be used at the cutoff (see `isVisible(recordTime:syncedAt:source:)`).
    func isVisible(_ app: AppRecord) -> Bool {
        isVisible(recordTime: app.firstInstallMillis, syncedAt: app.syncedAtMillis, source: .apps)
    }

    /// Picks the last Android (else iOS) snapshot synced at or before the cutoff. Failing that, it
    /// picks the earliest snapshot whose `first_seen_at` is at or before the cutoff.
    private func selectDevice() -> DeviceRecord? {
        for snapshots in [user.device, user.iosDevice] {
            guard let snapshots, !snapshots.isEmpty else { continue }
            if let synced = snapshots.last(where: { ($0.syncedAtMillis ?? Int64.min) <= cutoff }) { return synced }
            if let seen = snapshots.first(where: { ($0.firstSeenMillis ?? Int64.max) <= cutoff }) { return seen }
        }
        return nil
    }

    lazy var deviceNullReason: String? = {
        if user.device == nil, user.iosDevice == nil { return "not_synced" }
        return device == nil ? "no_data_before_cutoff" : nil
    }()
}
