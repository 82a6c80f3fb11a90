/// Reads `--cutoff-date` in the forms that `cutoff_date` of the Insights API takes: a date
/// `YYYY-MM-DD` or `YYYYMMDD`, a date and time `YYYY-MM-DD HH:MM:SS` or `YYYYMMDDHHMMSS`, or ISO 8601.
///
/// A bare date means the end of that India calendar day (23:59:59.999 IST), so everything the
/// user synced on that day counts. A time without a zone is India time. Only IST dates in the
/// years 2000 to 2100 are accepted, because anything else is a typing mistake for this data.
public enum CutoffDate {
    public static let years = 2000...2100

    public static func millis(from text: String) throws -> Int64 {
        let trimmed = text.trimmingSpaces()
        // Whole numbers other than the two basic forms would be read as epoch milliseconds, an
        // undocumented form the API accepts but a typing mistake here.
        let unsigned = trimmed.hasPrefix("-") ? trimmed.dropFirst() : Substring(trimmed)
        let isNumber = !unsigned.isEmpty && unsigned.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let isOtherNumber = isNumber && !(unsigned.count == trimmed.count && [8, 14].contains(trimmed.utf8.count))
        guard !isOtherNumber, let instant = InsightsCutoff.millis(from: trimmed) else {
            if let (year, month, day) = impossibleDate(trimmed) {
                throw CutoffDateError.noSuchDay(text, year: year, month: month, day: day)
            }
            throw CutoffDateError.invalid(text)
        }
        let year = CivilTime(epochMillis: instant, offsetSeconds: 19_800).year
        guard years.contains(year) else { throw CutoffDateError.yearOutOfRange(text) }
        return instant
    }

    /// Returns the fields of text that starts `YYYY-MM-DD`, or is `YYYYMMDD` or `YYYYMMDDHHMMSS`,
    /// with a valid month but a day the month lacks.
    private static func impossibleDate(_ text: String) -> (Int, Int, Int)? {
        let isBasicForm = (text.utf8.count == 8 || text.utf8.count == 14) && text.allSatisfy(\.isASCII) && Int(text) != nil
        let parts = isBasicForm
            ? [text.prefix(4), text.dropFirst(4).prefix(2), text.dropFirst(6).prefix(2)]
            : text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day > CivilTime.daysIn(month: month, year: year) || day == 0
        else { return nil }
        return (year, month, day)
    }

    /// The IST date of an instant, `YYYY-MM-DD`, for messages and the summary.
    public static func dateText(_ millis: Int64) -> String {
        CivilTime(epochMillis: millis, offsetSeconds: 19_800).dateText
    }
}

public enum CutoffDateError: CredeauError {
    case invalid(String)
    case noSuchDay(String, year: Int, month: Int, day: Int)
    case yearOutOfRange(String)

    public var description: String {
        switch self {
        case let .invalid(text):
            return "Invalid --cutoff-date '\(text)': expected a date YYYY-MM-DD or YYYYMMDD, a date and time "
                + "YYYY-MM-DD HH:MM:SS or YYYYMMDDHHMMSS (India time), or ISO 8601 such as 2026-03-20T18:30:00+05:30"
        case let .noSuchDay(text, year, month, day):
            let days = CivilTime.daysIn(month: month, year: year)
            return "Invalid --cutoff-date '\(text)': day \(day) does not exist, because month \(month) of \(year) has \(days) days"
        case let .yearOutOfRange(text):
            return "Invalid --cutoff-date '\(text)': expected a date in the years "
                + "\(CutoffDate.years.lowerBound) to \(CutoffDate.years.upperBound) (India time)"
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
