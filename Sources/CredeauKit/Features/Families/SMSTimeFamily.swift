/// When SMS arrive: active days, night and weekend shares, gaps (`sms` grouping).
enum SMSTimeFamily {
    private static let factory = DefinitionFactory(grouping: .sms)

    private struct State {
        var count = Array(repeating: 0, count: FeatureWindow.slotCount)
        var activeDays = Array(repeating: 0, count: FeatureWindow.slotCount)
        var night = Array(repeating: 0, count: FeatureWindow.slotCount)
        var weekend = Array(repeating: 0, count: FeatureWindow.slotCount)
        var maxGap = Array(repeating: -1, count: FeatureWindow.slotCount)

        init(_ sms: PreparedSMS) {
            var lastDay = Array(repeating: Int.min, count: FeatureWindow.slotCount)
            for time in sms.times {
                forEachSlot(time.mask) { slot in
                    count[slot] += 1
                    if time.isNight { night[slot] += 1 }
                    if time.isWeekend { weekend[slot] += 1 }
                    guard time.day != lastDay[slot] else { return }
                    if lastDay[slot] != Int.min { maxGap[slot] = max(maxGap[slot], time.day - lastDay[slot]) }
                    lastDay[slot] = time.day
                    activeDays[slot] += 1
                }
            }
        }
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input.flatMap { $0.smsNullReason == nil ? State($0.sms) : nil }
        let windows = FeatureWindow.standard
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("sms_active_day_count", window, "Number of IST days with at least one SMS",
                                  .count, .sourceMissing),
                     state.map { .int($0.activeDays[slot]) } ?? .null)
        }
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("sms_night_share", window, "Share of SMS received 00:00 to 05:59 IST",
                                  .share, .zeroDenominator),
                     state.map { .share($0.night[slot], $0.count[slot]) } ?? .null)
        }
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("sms_weekend_share", window, "Share of SMS received on an IST Saturday or Sunday",
                                  .share, .zeroDenominator),
                     state.map { .share($0.weekend[slot], $0.count[slot]) } ?? .null)
        }
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("sms_gap_day_max", window,
                                  "Largest number of days between consecutive IST days with SMS",
                                  .days, .fewerThanTwo),
                     state.map { $0.maxGap[slot] < 0 ? .null : .int($0.maxGap[slot]) } ?? .null)
        }
        for (slot, window) in windows.enumerated() {
            sink.add(factory.make("sms_per_active_day_mean", window, "Mean number of SMS per active IST day",
                                  .number, .zeroDenominator),
                     state.map { .share($0.count[slot], $0.activeDays[slot]) } ?? .null)
        }
    }
}
