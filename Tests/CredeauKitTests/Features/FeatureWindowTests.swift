import Testing
@testable import CredeauKit

/// Window edges: IST midnight, the inclusive cutoff, one second after it, and month boundaries.
/// The cutoff is Sunday 2026-03-15 23:59:59 IST, so the 7-day window is 2026-03-09 to 03-15.
@Suite struct FeatureWindowTests {
    typealias F = FeatureFixture

    @Test func istMidnightStartsTheSevenDayWindow() {
        // 2026-03-09 00:00:00 IST is 2026-03-08 18:30 UTC: 6 IST days back, inside 7d.
        // 2026-03-08 23:59:59 IST is 7 IST days back: outside 7d, inside 15d.
        let user = F.user(sms: [
            F.sms("2026-03-09 00:00:00", body: "inside"),
            F.sms("2026-03-08 23:59:59", body: "outside"),
        ])
        let values = F.compute(user, groupings: [.sms])
        #expect(values["all_sms_count_7d"] == .integer(1))
        #expect(values["all_sms_count_15d"] == .integer(2))
        #expect(values["sms_days_since_last_all"] == .integer(6))
        #expect(values["sms_days_since_first_all"] == .integer(7))
    }

    @Test func cutoffIsInclusiveAndLaterEventsAreIgnored() {
        let user = F.user(sms: [
            F.sms("2026-03-15 23:59:59", body: "at the cutoff"),
            F.sms("2026-03-16 00:00:00", body: "one second after"),
            F.txn("2026-03-16 00:00:00", .debit, 900),
        ])
        let values = F.compute(user)
        #expect(values["all_sms_count_all"] == .integer(1))
        #expect(values["all_sms_count_7d"] == .integer(1))
        #expect(values["debit_txn_count_all_nlp"] == .integer(0))
        #expect(values["debit_txn_amount_sum_all_nlp"] == .double(0))
        #expect(values["sms_days_since_last_all"] == .integer(0))
    }

    @Test func monthBucketsUseIndiaCalendar() {
        // 2026-03-01 00:30 IST is 2026-02-28 19:00 UTC: a UTC calendar would put it in February.
        // 2026-02-28 23:59 IST stays in February (m1).
        let user = F.user(sms: [
            F.txn("2026-03-01 00:30:00", .credit, 1_000),
            F.txn("2026-02-28 23:59:00", .credit, 250),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["credit_txn_count_m0_nlp"] == .integer(1))
        #expect(values["credit_txn_amount_sum_m0_nlp"] == .double(1_000))
        #expect(values["credit_txn_count_m1_nlp"] == .integer(1))
        #expect(values["credit_txn_amount_sum_m1_nlp"] == .double(250))
    }

    @Test func clockComputesOffsetsFromCutoff() {
        let clock = FeatureClock(cutoffMillis: F.cutoff)
        let time = clock.time(of: F.ist("2026-01-31 05:59:59"))
        // Mar 15 - Jan 31 = 15 + 28 + 0 = 43 days; January is 2 months before March.
        #expect(time.daysBack == 43)
        #expect(time.monthsBack == 2)
        #expect(time.dayOfMonth == 31)
        #expect(time.isNight)
        #expect(time.isWeekend)  // 2026-01-31 is a Saturday
        #expect(!clock.time(of: F.ist("2026-03-13 12:00:00")).isWeekend)  // a Friday
        #expect(!clock.time(of: F.ist("2026-01-31 06:00:00")).isNight)
    }
}
