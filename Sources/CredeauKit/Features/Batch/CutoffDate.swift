/// Reads `--cutoff-date`: a date `YYYY-MM-DD` or an ISO 8601 time.
///
/// A bare date means the end of that India calendar day (23:59:59.999 IST), so everything the
/// user synced on that day counts. A time without a zone is India time.
public enum CutoffDate {
    public static func millis(from text: String) throws -> Int64 {
        let trimmed = text.trimmingSpaces()
        guard let instant = SyncDateParser.millis(fromText: trimmed), !trimmed.allSatisfy(\.isNumber) else {
            throw CutoffDateError.invalid(text)
        }
        guard trimmed.utf8.count == 10 else { return instant }
        // SyncDateParser reads a bare date as its midnight in India; move to the day's last millisecond.
        return instant + 86_400_000 - 1
    }

    /// The IST date of an instant, `YYYY-MM-DD`, for messages and the summary.
    public static func dateText(_ millis: Int64) -> String {
        CivilTime(epochMillis: millis, offsetSeconds: 19_800).dateText
    }
}

public enum CutoffDateError: CredeauError {
    case invalid(String)

    public var description: String {
        switch self {
        case let .invalid(text):
            return "Invalid --cutoff-date '\(text)': expected YYYY-MM-DD or an ISO 8601 time such as 2026-03-20T18:30:00+05:30"
        }
    }

    public var exitCode: Int32 { ExitStatus.usage }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

extension CutoffDate {
    /// The current time, the default cutoff.
    public static func nowMillis() -> Int64 {
        ExtractSMSJob.nowMillis()
    }
}
