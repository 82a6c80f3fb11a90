import Testing
@testable import CredeauKit

/// A tiny category table standing in for the app catalogue.
struct TestAppCategories: AppCategoryProvider {
    let table: [String: FeatureAppCategory] = [
        "in.loan.one": .lending, "in.loan.two": .lending, "in.loan.three": .lending, "in.loan.four": .lending,
        "com.bank.app": .banking, "com.fake.gps": .fakeGPS, "com.sms.editor": .smsEditor,
    ]

    func featureCategory(forPackage packageName: String) -> FeatureAppCategory? { table[packageName] }
}

/// A tiny price table standing in for the device price catalogue.
struct TestDevicePrices: DevicePriceProvider {
    func featurePriceBand(manufacturer: String, model: String) -> (band: String, estimateINR: Int)? {
        manufacturer == "Xiaomi" && model == "Redmi 9" ? ("budget", 9_000) : nil
    }
}

/// Apps, device, contacts and call logs: snapshot sources filtered by their own timestamps.
@Suite struct SnapshotFamilyTests {
    typealias F = FeatureFixture
    static let engine = FeatureEngine(appCategories: TestAppCategories(), devicePrices: TestDevicePrices())

    static func appsUser() -> UserData {
        var user = UserData(clientID: "c1", userID: "u1")
        user.apps = [
            AppRecord(packageName: "in.loan.one", firstInstallMillis: F.ist("2026-03-12 10:00:00")),
            AppRecord(packageName: "in.loan.two", firstInstallMillis: F.ist("2026-03-01 10:00:00")),
            // Installed after the cutoff: invisible at the cutoff even though the sync carried it.
            AppRecord(packageName: "in.loan.three", firstInstallMillis: F.ist("2026-03-20 10:00:00")),
            AppRecord(packageName: "com.bank.app", firstInstallMillis: F.ist("2025-06-01 10:00:00"), isSystemApp: true),
            AppRecord(packageName: "org.unknown", firstInstallMillis: nil),
        ]
        // A sync before the cutoff makes the undated app visible.
        user.syncTimes[.apps] = [F.ist("2026-03-14 10:00:00"), F.ist("2026-03-25 10:00:00")]
        return user
    }

    @Test func appsByCategoryAndInstallTime() {
        let values = F.compute(Self.appsUser(), groupings: [.sms], engine: Self.engine)
        #expect(values["apps_data_null_reason"] == .null)
        #expect(values["apps_count_all"] == .integer(4))
        #expect(values["apps_system_count_all"] == .integer(1))
        #expect(values["apps_user_count_all"] == .integer(3))
        #expect(values["apps_uncategorised_count_all"] == .integer(1))
        #expect(values["apps_lending_count_all"] == .integer(2))
        #expect(values["apps_lending_installed_count_7d"] == .integer(1))
        #expect(values["apps_lending_installed_count_30d"] == .integer(2))
        #expect(values["apps_lending_days_since_last_install_all"] == .integer(3))
        #expect(values["apps_lending_install_ratio_30d"] == .double(1))
        #expect(values["apps_installed_count_30d"] == .integer(2))
        #expect(values["apps_days_since_first_install_all"] == .integer(287))
        #expect(values["apps_banking_count_all"] == .integer(1))
        #expect(values["apps_dating_count_all"] == .integer(0))
        #expect(values["apps_dating_days_since_last_install_all"] == .null)
    }

    @Test func deviceSnapshotBeforeCutoffWins() {
        var before = DeviceRecord(platform: .android, syncedAtMillis: F.ist("2026-03-01 10:00:00"))
        before.manufacturer = "Xiaomi"
        before.model = "Redmi 9"
        before.totalStorageMegabytes = 64_000
        before.freeStorageMegabytes = 16_000
        before.firstSeenMillis = F.ist("2025-03-15 10:00:00")
        var after = DeviceRecord(platform: .android, syncedAtMillis: F.ist("2026-03-20 10:00:00"))
        after.manufacturer = "Apple"
        after.model = "iPhone 15"
        var user = UserData(clientID: "c1", userID: "u1")
        user.device = [before, after]
        let values = F.compute(user, groupings: [.sms], engine: Self.engine)
        #expect(values["device_manufacturer_value_all"] == .string("Xiaomi"))
        #expect(values["device_model_value_all"] == .string("Redmi 9"))
        #expect(values["device_price_band_value_all"] == .string("budget"))
        #expect(values["device_price_estimate_value_all"] == .integer(9_000))
        #expect(values["device_storage_free_share_all"] == .double(0.25))
        // 2025-03-15 to 2026-03-15 is 365 days.
        #expect(values["device_age_days_all"] == .integer(365))
        #expect(values["device_ram_value_all"] == .null)
    }

    @Test func contactsCountsAndKeywords() {
        var user = UserData(clientID: "c1", userID: "u1")
        user.contacts = [
            ContactRecord(contactID: "1", name: "Loan Agent Ravi", phones: ["+91 98765 43210"],
                          updatedAtMillis: F.ist("2026-03-13 10:00:00")),
            ContactRecord(contactID: "2", name: "Mom", phones: ["09876543210"], email: "m@example.com",
                          updatedAtMillis: F.ist("2026-01-01 10:00:00")),
            ContactRecord(contactID: "3", name: "", phones: ["+1 415 555 0100"]),
            ContactRecord(contactID: "4", name: "Later", phones: ["9000000000"],
                          updatedAtMillis: F.ist("2026-03-16 10:00:00")),
        ]
        user.syncTimes[.contacts] = [F.ist("2026-03-14 10:00:00")]
        let values = F.compute(user, groupings: [.sms])
        #expect(values["contacts_count_all"] == .integer(3))
        #expect(values["contacts_named_share_all"] == .double(2.0 / 3.0))
        #expect(values["contacts_email_count_all"] == .integer(1))
        // +91 98765 43210 and 09876543210 share their last 10 digits.
        #expect(values["contacts_number_distinct_all"] == .integer(2))
        #expect(values["contacts_number_duplicate_count_all"] == .integer(1))
        #expect(values["contacts_non_indian_number_count_all"] == .integer(1))
        #expect(values["contacts_added_count_7d"] == .integer(1))
        #expect(values["contacts_lender_count_all"] == .integer(1))
        #expect(values["contacts_family_count_all"] == .integer(1))
    }

    @Test func callLogsByTypeAndWindow() {
        var user = UserData(clientID: "c1", userID: "u1")
        user.contacts = [ContactRecord(contactID: "1", name: "A", phones: ["+91 9000000001"])]
        user.callLogs = [
            CallLogRecord(number: "9000000001", type: .incoming, durationSeconds: 60, dateMillis: F.ist("2026-03-14 10:00:00")),
            CallLogRecord(number: "9000000002", type: .outgoing, durationSeconds: 120, dateMillis: F.ist("2026-03-14 01:00:00")),
            CallLogRecord(number: "9000000002", type: .outgoing, durationSeconds: 30, dateMillis: F.ist("2026-03-01 10:00:00")),
            CallLogRecord(number: "9000000003", type: .missed, durationSeconds: 0, dateMillis: F.ist("2026-02-01 10:00:00")),
            CallLogRecord(number: "9000000004", type: .incoming, durationSeconds: 99, dateMillis: F.ist("2026-03-16 10:00:00")),
        ]
        let values = F.compute(user, groupings: [.sms])
        #expect(values["calls_count_7d"] == .integer(2))
        #expect(values["calls_count_all"] == .integer(4))
        #expect(values["calls_outgoing_count_30d"] == .integer(2))
        #expect(values["calls_outgoing_duration_sum_30d"] == .integer(150))
        #expect(values["calls_outgoing_duration_mean_30d"] == .double(75))
        #expect(values["calls_incoming_duration_sum_all"] == .integer(60))
        #expect(values["calls_missed_count_m1"] == .integer(1))
        #expect(values["calls_number_distinct_all"] == .integer(3))
        #expect(values["calls_night_share_7d"] == .double(0.5))
        #expect(values["calls_saved_contact_share_7d"] == .double(0.5))
        #expect(values["calls_missed_share_all"] == .double(0.25))
        #expect(values["calls_days_since_first_all"] == .integer(42))
        #expect(values["calls_days_since_last_all"] == .integer(1))
    }
}
