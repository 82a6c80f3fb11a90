/// A calendar date and time of day at a fixed UTC offset, computed without Foundation.
public struct CivilTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// Splits an instant into civil fields at `offsetSeconds` east of UTC (19,800 for India).
    public init(epochMillis: Int64, offsetSeconds: Int) {
        let seconds = Int(floorDivide(epochMillis, 1000)) + offsetSeconds
        let days = floorDivide(Int64(seconds), 86_400)
        let secondOfDay = seconds - Int(days) * 86_400
        (year, month, day) = CivilTime.civilDate(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    /// `YYYY-MM-DD`.
    public var dateText: String {
        "\(UTCTimestamp.pad(year, 4))-\(UTCTimestamp.pad(month, 2))-\(UTCTimestamp.pad(day, 2))"
    }

    /// `HH:MM:SS`.
    public var timeText: String {
        "\(UTCTimestamp.pad(hour, 2)):\(UTCTimestamp.pad(minute, 2)):\(UTCTimestamp.pad(second, 2))"
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    static func civilDate(fromDays days: Int64) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    /// Returns the number of days in a month of the proleptic Gregorian calendar (month 1 to 12).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let adjustedYear = Int64(month <= 2 ? year - 1 : year)
        let era = floorDivide(adjustedYear, 400)
        let yearOfEra = adjustedYear - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension CivilTime {
    /// Splits a wall-clock instant already shifted to local time.
    init(localMillis: Int64) {
        self.init(epochMillis: localMillis, offsetSeconds: 0)
    }

    /// Epoch milliseconds of a UTC wall-clock time.
    static func utcMillis(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        let seconds = days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * 1000
    }
}

func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}
