import Testing
@testable import CredeauKit

/// Device, app and contact times outside the range of an SMS inbox date count as not reported,
/// in the builder that features mode and the Insights API share.
@Suite struct ImplausibleRecordTimeTests {
    /// 2026-03-20 00:00 UTC, the `created_at` of every document here.
    static let syncedAt: Int64 = 1_773_964_800_000

    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    static func deviceDocument(firstSeen: String) -> String {
        #"{"client_id": "c", "user_id": "u", "created_at": \#(syncedAt), "device": {"first_seen_at": \#(firstSeen)}}"#
    }

    /// Five SMS from 2026-03-08 to 2026-03-12, synced with the device.
    static func smsDocument() -> String {
        let records = (1...5).map { index in
            #"{"sms_id": "\#(index)", "sms_sender": "VM-HDFCBK", "sms_body": "hello \#(index)", "#
                + #""sms_inbox_date": \#(1_772_900_000_000 + Int64(index) * 86_400_000)}"#
        }
        return #"{"client_id": "c", "user_id": "u", "created_at": \#(syncedAt), "sms": [\#(records.joined(separator: ", "))]}"#
    }

    @Test(arguments: ["0", "-34560000000", "99999999999999", "1777000000000", "946664999999"])
    func implausibleFirstSeenIsNotReported(firstSeen: String) throws {
        let device = try SyncJSONDecoder.device(Self.parse(Self.deviceDocument(firstSeen: firstSeen)), platform: .android)
        #expect(device.firstSeenMillis == nil)

        var builder = UserDataBuilder(clientID: "c", userID: "u")
        try builder.add(document: Self.parse(Self.deviceDocument(firstSeen: firstSeen)), source: .device)
        try builder.add(document: Self.parse(Self.smsDocument()), source: .sms)
        let cutoff = FeatureFixture.ist("2026-03-31 23:59:59")
        let values = FeatureFixture.compute(builder.build(), cutoff: cutoff)
        #expect(values["device_age_days_all"] == .null)
        #expect(values["short_history_old_device_flag_all"] == .null)
        #expect(values["sms_before_device_first_seen_count_all"] == .null)
        #expect(values["fraud_flag"] == .integer(0))
        #expect(values["fraud_flag_reason"] == .string(""))
    }

    @Test func plausibleFirstSeenIsKept() throws {
        // 2025-01-01 00:00 UTC, and up to one day after the sync for clock skew.
        for millis: Int64 in [1_735_689_600_000, Self.syncedAt + 86_400_000] {
            let device = try SyncJSONDecoder.device(Self.parse(Self.deviceDocument(firstSeen: String(millis))),
                                                    platform: .android)
            #expect(device.firstSeenMillis == millis)
        }
        var builder = UserDataBuilder(clientID: "c", userID: "u")
        try builder.add(document: Self.parse(Self.deviceDocument(firstSeen: "1735689600000")), source: .device)
        try builder.add(document: Self.parse(Self.smsDocument()), source: .sms)
        let values = FeatureFixture.compute(builder.build(), cutoff: FeatureFixture.ist("2026-03-31 23:59:59"))
        #expect(values["device_age_days_all"] == .integer(454))
        #expect(values["sms_before_device_first_seen_count_all"] == .integer(0))
        #expect(values["short_history_old_device_flag_all"] == .integer(1))
    }

    @Test func implausibleAppAndContactTimesAreNotReported() throws {
        let apps = try SyncJSONDecoder.apps(Self.parse("""
        {"client_id": "c", "user_id": "u", "created_at": \(Self.syncedAt), "apps": [
          {"package_name": "a", "first_install_time": 0, "last_update_time": -5},
          {"package_name": "b", "first_install_time": 99999999999999, "last_update_time": 1777000000000},
          {"package_name": "c", "first_install_time": 1735689600000, "last_update_time": 1773000000000}]}
        """))
        #expect(apps.map(\.firstInstallMillis) == [nil, nil, 1_735_689_600_000])
        #expect(apps.map(\.lastUpdateMillis) == [nil, nil, 1_773_000_000_000])
        let contacts = try SyncJSONDecoder.contacts(Self.parse("""
        {"client_id": "c", "user_id": "u", "created_at": \(Self.syncedAt), "contacts": [
          {"contact_id": "1", "name": "A", "updated_at": 0},
          {"contact_id": "2", "name": "B", "updated_at": 1777000000000},
          {"contact_id": "3", "name": "C", "updated_at": 1773000000000}]}
        """))
        #expect(contacts.map(\.updatedAtMillis) == [nil, nil, 1_773_000_000_000])
    }

    @Test func appWithImplausibleInstallTimeIsUsedFromItsSync() throws {
        var builder = UserDataBuilder(clientID: "c", userID: "u")
        try builder.add(document: Self.parse("""
        {"client_id": "c", "user_id": "u", "created_at": \(Self.syncedAt), "apps": [
          {"package_name": "a", "first_install_time": 0},
          {"package_name": "b", "first_install_time": 1777000000000}]}
        """), source: .apps)
        let values = FeatureFixture.compute(builder.build(), cutoff: FeatureFixture.ist("2026-03-31 23:59:59"))
        // Both apps are visible from the sync on, and neither has an install time to count.
        #expect(values["apps_count_all"] == .integer(2))
        #expect(values["apps_days_since_first_install_all"] == .null)
    }
    /// A call at 0, before 2000 or after the sync cannot be placed in a window, so it is left out
    /// of the calls. The plausible ones stay.
    @Test func callsWithImplausibleTimesAreLeftOut() throws {
        let document = """
        {"client_id": "c", "user_id": "u", "created_at": \(Self.syncedAt), "call_logs": [
          {"call_id": "1", "number": "9800000001", "type": 1, "duration": 30, "call_date": 0},
          {"call_id": "2", "number": "9800000002", "type": 2, "duration": 40, "call_date": -34560000000},
          {"call_id": "3", "number": "9800000003", "type": 2, "duration": 50, "call_date": 1777000000000},
          {"call_id": "4", "number": "9800000004", "type": 1, "duration": 60, "call_date": 1773000000000}]}
        """
        let calls = try SyncJSONDecoder.callLogs(Self.parse(document))
        #expect(calls.map(\.callID) == ["4"])

        var builder = UserDataBuilder(clientID: "c", userID: "u")
        try builder.add(document: Self.parse(document), source: .callLogs)
        let values = FeatureFixture.compute(builder.build(), cutoff: FeatureFixture.ist("2026-03-31 23:59:59"))
        #expect(values["calls_count_all"] == .integer(1))
        #expect(values["calls_incoming_duration_sum_all"] == .integer(60))
    }
}
