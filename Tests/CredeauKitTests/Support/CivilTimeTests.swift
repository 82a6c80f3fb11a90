import Testing
@testable import CredeauKit

@Suite struct CivilTimeTests {
    @Test(arguments: [
        (Int64(0), 0, "1970-01-01", "00:00:00"),
        (Int64(1_772_541_341_000), 0, "2026-03-03", "12:35:41"),
        (Int64(1_772_541_341_000), 19_800, "2026-03-03", "18:05:41"),
        (Int64(1_709_209_800_000), 19_800, "2024-02-29", "18:00:00"),
        (Int64(-1), 0, "1969-12-31", "23:59:59"),
        (Int64(1_767_205_800_000), 19_800, "2026-01-01", "00:00:00"),
    ])
    func splitsInstantAtOffset(millis: Int64, offset: Int, date: String, time: String) {
        let civil = CivilTime(epochMillis: millis, offsetSeconds: offset)
        #expect(civil.dateText == date)
        #expect(civil.timeText == time)
    }

    @Test func daysRoundTripAcrossLeapYears() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 977) {
            let civil = CivilTime(epochMillis: days * 86_400_000, offsetSeconds: 0)
            #expect(CivilTime.days(year: civil.year, month: civil.month, day: civil.day) == days)
        }
    }

    @Test func iso8601KeepsMilliseconds() {
        #expect(UTCTimestamp.iso8601Millis(1_772_541_341_007) == "2026-03-03T12:35:41.007Z")
    }
}
