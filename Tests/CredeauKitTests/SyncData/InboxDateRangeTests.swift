import Testing
@testable import CredeauKit

@Suite struct InboxDateRangeTests {
    private let synced: Int64 = 1_772_323_200_000  // 2026-03-01 05:30:00 IST

    @Test func earliestBoundary() {
        #expect(InboxDateRange.problem(InboxDateRange.earliestMillis, syncedAtMillis: synced) == nil)
        #expect(InboxDateRange.problem(InboxDateRange.earliestMillis - 1, syncedAtMillis: synced)
                == "date 1999-12-31 23:59:59 IST is before 2000-01-01")
    }

    @Test func oneDayAfterSyncBoundary() {
        let limit = synced + InboxDateRange.allowedLeadMillis
        #expect(InboxDateRange.problem(limit, syncedAtMillis: synced) == nil)
        #expect(InboxDateRange.problem(limit + 1, syncedAtMillis: synced)
                == "date 2026-03-02 05:30:00 IST is more than one day after the sync time 2026-03-01 05:30:00 IST")
    }

    @Test func withoutSyncTimeUsesCurrentTime() {
        let now = InboxDateRange.nowMillis()
        #expect(InboxDateRange.problem(now, syncedAtMillis: nil) == nil)
        #expect(InboxDateRange.problem(now + 2 * InboxDateRange.allowedLeadMillis, syncedAtMillis: nil)?
                    .hasSuffix("is more than one day after the current time") == true)
    }

    @Test func hugeNegativeDateIsShownInMillis() {
        #expect(InboxDateRange.problem(Int64.min, syncedAtMillis: nil) == "date \(Int64.min) ms is before 2000-01-01")
    }
}
