/// The plausible range of an SMS inbox date, shared by `extract --sms` and featurisation.
///
/// A phone cannot hold an SMS received before 2000 or after the sync that uploaded it, so such a
/// date comes from a broken clock or a broken export. Left in, it poisons day counts (a year-1
/// SMS makes `sms_days_since_first_all` about 740,000), so the record is rejected instead.
public enum InboxDateRange {
    /// 2000-01-01 00:00:00 IST.
    public static let earliestMillis: Int64 = 946_665_000_000
    /// Clock skew allowed between the phone and the server that stored the sync.
    public static let allowedLeadMillis: Int64 = 86_400_000

    /// Returns why `millis` is not a plausible inbox date, or nil when it is. The date may be at
    /// most one day after `syncedAtMillis`, or after the current time when the sync time is unknown.
    public static func problem(_ millis: Int64, syncedAtMillis: Int64?) -> String? {
        if millis < earliestMillis {
            return "date \(text(millis)) is before 2000-01-01"
        }
        let limit = syncedAtMillis ?? nowMillis()
        guard millis > limit, millis - limit > allowedLeadMillis else { return nil }
        let reference = syncedAtMillis == nil ? "the current time" : "the sync time \(text(limit))"
        return "date \(text(millis)) is more than one day after \(reference)"
    }

    /// `YYYY-MM-DD HH:MM:SS IST`, or the raw milliseconds when the year has more than four digits.
    static func text(_ millis: Int64) -> String {
        let time = CivilTime(epochMillis: millis, offsetSeconds: 19_800)
        guard (0...9999).contains(time.year) else { return "\(millis) ms" }
        return "\(time.dateText) \(time.timeText) IST"
    }

    static func nowMillis() -> Int64 {
        ExtractSMSJob.nowMillis()
    }
}
