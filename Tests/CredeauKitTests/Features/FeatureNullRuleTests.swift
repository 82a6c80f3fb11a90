import Testing
@testable import CredeauKit

@Suite struct FeatureNullRuleTests {
    typealias F = FeatureFixture

    @Test func neverSyncedSourcesAreNullWithReason() {
        let values = F.compute(UserData(clientID: "c1", userID: "u1"))
        #expect(values["sms_data_null_reason"] == .string("not_synced"))
        #expect(values["apps_data_null_reason"] == .string("not_synced"))
        #expect(values["device_data_null_reason"] == .string("not_synced"))
        #expect(values["contacts_data_null_reason"] == .string("not_synced"))
        #expect(values["call_logs_data_null_reason"] == .string("not_synced"))
        #expect(values["all_sms_count_all"] == .null)
        #expect(values["all_sms_count"] == .null)
        #expect(values["all_sms_count_nlp"] == .null)
        #expect(values["debit_txn_amount_sum_30d_nlp"] == .null)
        #expect(values["apps_count_all"] == .null)
        #expect(values["calls_count_30d"] == .null)
        #expect(values["fraud_flag"] == .integer(0))
        #expect(values["fraud_flag_reason"] == .string(""))
    }

    @Test func syncedButEmptySourcesGiveZeros() {
        var user = F.user(sms: [])
        user.apps = []
        user.callLogs = []
        user.contacts = []
        user.syncTimes[.apps] = [F.ist("2026-03-01 10:00:00")]
        let values = F.compute(user)
        #expect(values["sms_data_null_reason"] == .null)
        #expect(values["all_sms_count_30d"] == .integer(0))
        #expect(values["all_sms_count_nlp"] == .integer(0))
        #expect(values["debit_txn_count_30d_nlp"] == .integer(0))
        #expect(values["debit_txn_amount_sum_30d_nlp"] == .double(0))
        // Mean, max, latest and days since of an empty window are null, not zero.
        #expect(values["debit_txn_amount_mean_30d_nlp"] == .null)
        #expect(values["debit_txn_amount_max_30d_nlp"] == .null)
        #expect(values["debit_txn_days_since_last_all_nlp"] == .null)
        #expect(values["balance_latest_all_nlp"] == .null)
        // Ratios with a zero denominator are null.
        #expect(values["credit_debit_amount_ratio_30d_nlp"] == .null)
        #expect(values["sms_night_share_30d"] == .null)
        #expect(values["apps_count_all"] == .integer(0))
        #expect(values["apps_data_null_reason"] == .null)
        #expect(values["calls_count_all"] == .integer(0))
        #expect(values["contacts_count_all"] == .integer(0))
    }

    @Test func syncOnlyAfterCutoffIsNoDataBeforeCutoff() {
        let user = F.user(sms: [F.sms("2026-03-20 10:00:00")], syncedAt: F.ist("2026-03-21 10:00:00"))
        let values = F.compute(user, groupings: [.sms])
        #expect(values["sms_data_null_reason"] == .string("no_data_before_cutoff"))
        #expect(values["all_sms_count_all"] == .null)
    }

    @Test func iosOnlyUserHasPlatformUnsupportedSMS() {
        var user = UserData(clientID: "c1", userID: "u1")
        user.iosDevice = [DeviceRecord(platform: .ios, syncedAtMillis: F.ist("2026-03-01 10:00:00"))]
        let values = F.compute(user, groupings: [.sms])
        #expect(values["sms_data_null_reason"] == .string("platform_unsupported"))
        #expect(values["device_platform_value_all"] == .string("ios"))
    }

    @Test func standardDeviationNeedsTwoAmounts() {
        let one = F.compute(F.user(sms: [F.txn("2026-03-14 10:00:00", .debit, 100)]), groupings: [.extractedSMS])
        #expect(one["debit_txn_amount_std_30d_nlp"] == .null)
        #expect(one["debit_txn_amount_mean_30d_nlp"] == .double(100))
        let two = F.compute(F.user(sms: [
            F.txn("2026-03-14 10:00:00", .debit, 100), F.txn("2026-03-13 10:00:00", .debit, 300),
        ]), groupings: [.extractedSMS])
        // mean 200, deviations ±100, population variance 100^2, std 100.
        #expect(two["debit_txn_amount_std_30d_nlp"] == .double(100))
    }

    @Test func transactionWithoutAmountCountsButHasNoMean() {
        let values = F.compute(F.user(sms: [F.txn("2026-03-14 10:00:00", .debit, nil)]), groupings: [.extractedSMS])
        #expect(values["debit_txn_count_30d_nlp"] == .integer(1))
        #expect(values["debit_txn_amount_sum_30d_nlp"] == .double(0))
        #expect(values["debit_txn_amount_mean_30d_nlp"] == .null)
        #expect(values["debit_txn_amount_median_30d_nlp"] == .null)
    }
}
