import Testing
@testable import CredeauKit

/// SMS volume, time pattern, coverage and duplicates on hand-built inboxes.
@Suite struct SMSFamilyTests {
    typealias F = FeatureFixture

    @Test func duplicatesCountOnce() {
        // Same sender, body and received second (different ids and milliseconds) is one SMS;
        // the same second with another body is a second SMS.
        var first = F.sms("2026-03-14 10:00:00", body: "Your OTP is 1234", id: "a")
        var repeated = F.sms("2026-03-14 10:00:00", body: "Your OTP is 1234", id: "b")
        first.inboxDateMillis = (first.inboxDateMillis ?? 0) + 100
        repeated.inboxDateMillis = (repeated.inboxDateMillis ?? 0) + 900
        let other = F.sms("2026-03-14 10:00:00", body: "Your OTP is 9999", id: "c")
        let values = F.compute(F.user(sms: [first, repeated, other]), groupings: [.sms])
        #expect(values["all_sms_count_all"] == .integer(2))
        #expect(values["sms_duplicate_count_all"] == .integer(1))
        // 1 duplicate out of 3 dated SMS.
        #expect(values["sms_duplicate_share_all"] == .double(1.0 / 3.0))
    }

    @Test func volumeBySenderKindAndFolder() {
        var sent = F.sms("2026-03-12 09:00:00", sender: "9876543210", body: "ok", senderType: .other)
        sent.smsID = "sent-1"
        var user = F.user(sms: [
            F.sms("2026-03-14 10:00:00", sender: "hdfcbk", body: "a"),
            F.sms("2026-03-13 10:00:00", sender: "hdfcbk", body: "b"),
            F.sms("2026-03-13 11:00:00", sender: "airtel", body: "c", senderType: .telecom),
            F.sms("2026-02-01 10:00:00", sender: "+919812345678", body: "d", senderType: .other),
            sent,
        ])
        user.smsFolders = [.inbox, .inbox, .inbox, .inbox, .sent]
        let values = F.compute(user, groupings: [.sms])
        #expect(values["all_sms_count_all"] == .integer(5))
        #expect(values["all_sms_count"] == .integer(5))
        #expect(values["inbox_sms_count_all"] == .integer(4))
        #expect(values["sent_sms_count_all"] == .integer(1))
        // a2p: hdfcbk twice and airtel; p2p: the +91 number and the sent SMS's number.
        #expect(values["a2p_sms_count_all"] == .integer(3))
        #expect(values["p2p_sms_count_all"] == .integer(2))
        #expect(values["a2p_sender_distinct_all"] == .integer(2))
        #expect(values["bank_sender_sms_count_7d"] == .integer(2))
        #expect(values["bank_sender_distinct_7d"] == .integer(1))
        #expect(values["telecom_sender_sms_count_30d"] == .integer(1))
        // Feb 1 is 42 days back: in 60d, not in 30d; February is m1.
        #expect(values["other_sender_sms_count_30d"] == .integer(0))
        #expect(values["other_sender_sms_count_60d"] == .integer(1))
        #expect(values["other_sender_sms_count_m1"] == .integer(1))
        #expect(values["all_sender_distinct_all"] == .integer(4))
    }

    @Test func timePatternSharesAndGaps() {
        // Active days in 30d: Mar 14 (Sat), Mar 10, Mar 2 -> 3 days, 4 SMS.
        // Night (00:00-05:59): the 02:30 SMS. Weekend: both Mar 14 SMS.
        // Gaps between active days: Mar 2 -> Mar 10 = 8, Mar 10 -> Mar 14 = 4; max 8.
        let user = F.user(sms: [
            F.sms("2026-03-14 10:00:00", body: "a"), F.sms("2026-03-14 11:00:00", body: "b"),
            F.sms("2026-03-10 02:30:00", body: "c"), F.sms("2026-03-02 15:00:00", body: "d"),
        ])
        let values = F.compute(user, groupings: [.sms])
        #expect(values["sms_active_day_count_30d"] == .integer(3))
        #expect(values["sms_night_share_30d"] == .double(0.25))
        #expect(values["sms_weekend_share_30d"] == .double(0.5))
        #expect(values["sms_gap_day_max_30d"] == .integer(8))
        #expect(values["sms_per_active_day_mean_30d"] == .double(4.0 / 3.0))
        // 7d contains Mar 14 and Mar 10, a gap of 4 days. m0 contains all three active days, and
        // m1 has none, so its gap is null.
        #expect(values["sms_gap_day_max_7d"] == .integer(4))
        #expect(values["sms_active_day_count_m0"] == .integer(3))
        #expect(values["sms_gap_day_max_m1"] == .null)
    }

    @Test func coverageAndVintage() {
        let user = F.user(sms: [
            F.sms("2026-03-14 10:00:00", body: "a"),
            F.sms("2026-01-10 10:00:00", body: "b", senderType: .nbfc),
        ], syncedAt: F.ist("2026-03-15 11:59:59"))
        let values = F.compute(user, groupings: [.sms])
        // Mar 15 - Jan 10 = 21 + 28 + 15 = 64 days.
        #expect(values["sms_days_since_first_all"] == .integer(64))
        #expect(values["sms_span_days_all"] == .integer(63))
        #expect(values["sms_month_count_180d"] == .integer(2))
        #expect(values["sms_coverage_share_180d"] == .double(2.0 / 180.0))
        #expect(values["sms_history_truncated_flag_all"] == .integer(1))
        // Sync at 11:59:59, cutoff 23:59:59: 12 hours.
        #expect(values["sms_last_sync_lag_hours_all"] == .double(12))
        #expect(values["nbfc_sender_days_since_last_all"] == .integer(64))
        #expect(values["bank_sender_days_since_first_all"] == .integer(1))
        #expect(values["insurance_sender_days_since_last_all"] == .null)
    }
}
