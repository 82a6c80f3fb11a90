import Testing
@testable import CredeauKit

@Suite struct SMSDateParserTests {
    @Test(arguments: [
        ("1772700000000", 1_772_700_000_000),
        ("2026-03-05 14:10:00", 1_772_700_000_000),
        ("2026-03-05T14:10:00", 1_772_700_000_000),
        ("2026-03-05T08:40:00Z", 1_772_700_000_000),
        ("2026-03-05T08:40:00.250Z", 1_772_700_000_250),
        ("2026-03-05t08:40:00z", 1_772_700_000_000),
        ("2026-03-05T14:10:00+05:30", 1_772_700_000_000),
        ("2026-03-05T14:10:00+0530", 1_772_700_000_000),
        ("2026-03-05T03:40:00-05:00", 1_772_700_000_000),
        ("2026-03-05T08:40:00+00", 1_772_700_000_000),
        ("2026-03-05", 1_772_649_000_000),
        ("2024-02-29 05:30:00", 1_709_164_800_000),
        ("20260305", 1_772_649_000_000),
        ("20260305141000", 1_772_700_000_000),
        ("20240229053000", 1_709_164_800_000),
        // Digits that are no valid basic-form date stay epoch milliseconds.
        ("20261305", 20_261_305),
        ("20250229", 20_250_229),
        ("20260305241000", 20_260_305_241_000),
        ("202603051410", 202_603_051_410),
    ] as [(String, Int64)])
    func parsesAcceptedForms(text: String, millis: Int64) {
        #expect(SMSDateParser.millis(from: text) == millis)
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "2026-02-30", "2026-03-05 25:00:00", "2026-03-05T10:00:00X",
                      "05-03-2026", "2026-03-05 10", "2026-03-05T10:00:00.Z", "2025-02-29"])
    func rejectsOtherText(text: String) {
        #expect(SMSDateParser.millis(from: text) == nil)
    }
}

@Suite struct IndiaTimeTests {
    @Test(arguments: [
        (1_772_700_000_000, "2026-03-05 14:10:00", "2026-03-05"),
        (1_772_649_000_000, "2026-03-05 00:00:00", "2026-03-05"),
        (1_772_648_999_999, "2026-03-04 23:59:59", "2026-03-04"),
        (0, "1970-01-01 05:30:00", "1970-01-01"),
        (-19_800_001, "1969-12-31 23:59:59", "1969-12-31"),
        (1_709_164_800_000, "2024-02-29 05:30:00", "2024-02-29"),
    ] as [(Int64, String, String)])
    func formatsInIndiaTime(millis: Int64, dateTime: String, date: String) {
        #expect(IndiaTime.dateTime(fromMillis: millis) == dateTime)
        #expect(IndiaTime.date(fromMillis: millis) == date)
    }

    @Test func roundTripsThroughParser() {
        for millis in stride(from: Int64(1_600_000_000_000), to: 1_900_000_000_000, by: 7_777_777_000) {
            let text = IndiaTime.dateTime(fromMillis: millis)
            #expect(SMSDateParser.millis(from: text) == millis, "\(text)")
        }
    }
}
