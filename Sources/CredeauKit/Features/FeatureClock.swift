/// The time of one event relative to the cutoff, computed once per event.
struct EventTime {
    /// IST day index (days since 1970-01-01 in India time).
    var day: Int
    /// Cutoff IST day minus the event's IST day; 0 on the cutoff day.
    var daysBack: Int
    /// Calendar months between the event's IST month and the cutoff's; 0 in the cutoff month.
    var monthsBack: Int
    /// IST day of month, 1...31.
    var dayOfMonth: Int
    /// Bit i set when the event falls in `FeatureWindow.standard[i]`.
    var mask: UInt16
    /// IST hour 00:00 to 05:59.
    var isNight: Bool
    /// IST Saturday or Sunday.
    var isWeekend: Bool
}

/// Converts instants to IST calendar positions relative to one cutoff.
///
/// India has used UTC+05:30 without daylight saving since 1945, so a fixed offset is exact for
/// every date the SDK can report, whatever zone the server runs in.
struct FeatureClock {
    static let indiaOffsetMillis: Int64 = 19_800_000
    static let dayMillis: Int64 = 86_400_000

    let cutoffMillis: Int64
    let cutoffDay: Int
    let cutoffMonthIndex: Int

    init(cutoffMillis: Int64) {
        self.cutoffMillis = cutoffMillis
        cutoffDay = FeatureClock.day(of: cutoffMillis)
        let (year, month, _) = CivilTime.civilDate(fromDays: Int64(cutoffDay))
        cutoffMonthIndex = year * 12 + month - 1
    }

    /// IST day index of an instant.
    @inline(__always)
    static func day(of millis: Int64) -> Int {
        Int(floorDivide(millis + indiaOffsetMillis, dayMillis))
    }

    /// Calendar months between the IST month of `day` and the cutoff's month.
    func monthsBack(ofDay day: Int) -> Int {
        let (year, month, _) = CivilTime.civilDate(fromDays: Int64(day))
        return cutoffMonthIndex - (year * 12 + month - 1)
    }

    /// Window mask for an event `daysBack` days and `monthsBack` months before the cutoff.
    @inline(__always)
    static func mask(daysBack: Int, monthsBack: Int) -> UInt16 {
        guard daysBack >= 0 else { return 0 }
        var mask: UInt16 = 1 << UInt16(FeatureWindow.allSlot)
        if daysBack < 7 { mask |= 1 << 0 }
        if daysBack < 15 { mask |= 1 << 1 }
        if daysBack < 30 { mask |= 1 << 2 }
        if daysBack < 60 { mask |= 1 << 3 }
        if daysBack < 90 { mask |= 1 << 4 }
        if daysBack < 180 { mask |= 1 << 5 }
        if monthsBack >= 0, monthsBack <= 5 { mask |= 1 << UInt16(FeatureWindow.firstMonthSlot + monthsBack) }
        return mask
    }

    /// Computes the event time of an instant at or before the cutoff.
    func time(of millis: Int64) -> EventTime {
        let shifted = millis + FeatureClock.indiaOffsetMillis
        let day = Int(floorDivide(shifted, FeatureClock.dayMillis))
        let (year, month, dayOfMonth) = CivilTime.civilDate(fromDays: Int64(day))
        let monthsBack = cutoffMonthIndex - (year * 12 + month - 1)
        let daysBack = cutoffDay - day
        let hour = Int((shifted - Int64(day) * FeatureClock.dayMillis) / 3_600_000)
        // 1970-01-01 was a Thursday, so (day + 4) mod 7 is 0 on Sundays and 6 on Saturdays.
        let weekday = ((day + 4) % 7 + 7) % 7
        return EventTime(
            day: day, daysBack: daysBack, monthsBack: monthsBack, dayOfMonth: dayOfMonth,
            mask: FeatureClock.mask(daysBack: daysBack, monthsBack: monthsBack), isNight: hour < 6,
            isWeekend: weekday == 0 || weekday == 6)
    }
}

/// Calls `body` with each slot whose bit is set in `mask`.
@inline(__always)
func forEachSlot(_ mask: UInt16, _ body: (Int) -> Void) {
    var remaining = mask
    while remaining != 0 {
        body(remaining.trailingZeroBitCount)
        remaining &= remaining - 1
    }
}
