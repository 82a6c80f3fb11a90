@testable import CredeauKit
import Foundation
import Testing

/// The binary COPY form of `extracted_sms` rows must store what the text form stores.
struct ExtractedSMSBinaryCopyTests {
    /// Formats seconds since 1970 as UTC `yyyy-MM-dd HH:mm:ss` with Foundation, for checking
    /// the hand-written date arithmetic against another calendar.
    private static func foundationText(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test func datesMatchFoundationCalendar() throws {
        var generator = SplitMix64(seed: 7)
        // 1900-01-01 to 2100-12-31, in seconds since 1970.
        let range: ClosedRange<Int64> = -2_208_988_800...4_133_980_799
        for _ in 0..<3_000 {
            let seconds = Int64.random(in: range, using: &generator)
            let text = Self.foundationText(seconds)
            let micros = try #require(ExtractedSMSBinaryCopy.microseconds(fromDateTime: text), "\(text)")
            #expect(micros == (seconds - 946_684_800) * 1_000_000, "\(text)")
            let day = try #require(ExtractedSMSBinaryCopy.days(fromDate: String(text.prefix(10))))
            #expect(day == Int((seconds - 946_684_800).dividedRoundingDown(by: 86_400)), "\(text)")
        }
        #expect(ExtractedSMSBinaryCopy.microseconds(fromDateTime: "2000-01-01 00:00:00") == 0)
        #expect(ExtractedSMSBinaryCopy.microseconds(fromDateTime: "1999-12-31 23:59:59") == -1_000_000)
        #expect(ExtractedSMSBinaryCopy.days(fromDate: "2024-02-29") == 8_825)
    }

    @Test(arguments: [
        "2026-02-29 00:00:00", "2026-13-01 00:00:00", "2026-04-31 10:00:00", "2026-01-01T00:00:00",
        "2026-01-01 24:00:00", "2026-01-01 23:60:00", "2026-01-01 23:59:60", "0000-01-01 00:00:00",
        "2026-1-01 00:00:00", "2026-01-01 00:00:00.5", "２０２６-01-01 00:00:00", "",
    ])
    func otherDateTextsHaveNoBinaryForm(text: String) {
        #expect(ExtractedSMSBinaryCopy.microseconds(fromDateTime: text) == nil)
        var data: [UInt8] = []
        #expect(ExtractedSMSBinaryCopy.appendField(.text(text), kind: .timestamp, to: &data) == false)
    }

    @Test func extractedRowsHaveBinaryForm() {
        let entries = (0..<50).map { index in
            SMSExtractor().extract(
                RawSMS(id: "id-\(index)", sender: "VM-HDFCBK",
                       body: "Rs \(index * 37).5\(index % 10) debited from A/c XX1234 to VPA shop@okaxis. Avl Bal Rs 1,200.50",
                       inboxDateMillis: 1_772_000_000_000 + Int64(index) * 86_400_000),
                createdAtMillis: 1_772_500_000_000)
        }
        let rows = ExtractedSMSRows(entries)
        #expect(ExtractedSMSBinaryCopy.data(rows, bodies: nil, order: Array(0..<rows.count)) != nil)
    }
}

private extension Int64 {
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
