/// The `sms_inbox_date` values `POST /api/extract_sms` accepts, in epoch milliseconds.
///
/// The range starts at the epoch, because serve-insights sends 0 for an SMS synced without a
/// date, and ends with 2100-12-31 in India time. A date outside it is a client bug (a sentinel
/// such as Int64.max, or a year such as 0 or 10000) that would store text PostgreSQL or the
/// date formatter cannot read back.
enum SMSInboxDateRange {
    static let minMillis: Int64 = 0
    /// 2100-12-31 23:59:59.999 India time.
    static let maxMillis: Int64 = IndiaTime.millis(year: 2101, month: 1, day: 1, hour: 0, minute: 0, second: 0) - 1

    static func contains(_ millis: Int64) -> Bool {
        millis >= minMillis && millis <= maxMillis
    }

    /// The 422 message for a date that does not parse or is out of range.
    static let message = "Input should be epoch milliseconds or a date such as 2026-03-03 18:05:41, "
        + "from 1970-01-01 00:00:00 UTC to 2100-12-31 23:59:59 India time"
}
