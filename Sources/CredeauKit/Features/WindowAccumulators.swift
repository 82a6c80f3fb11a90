/// Distinct keys per subject and standard window. For each (subject, key) it keeps the most
/// recent day offset and the set of months seen, which is enough to count distinct keys in every
/// rolling and calendar-month window afterwards.
struct DistinctCounter {
    let subjectCount: Int
    let keyCount: Int
    private var latestDaysBack: [Int32]
    private var monthBits: [UInt8]
    private static let none = Int32.max

    init(subjectCount: Int, keyCount: Int) {
        self.subjectCount = subjectCount
        self.keyCount = keyCount
        latestDaysBack = Array(repeating: DistinctCounter.none, count: subjectCount * keyCount)
        monthBits = Array(repeating: 0, count: subjectCount * keyCount)
    }

    @inline(__always)
    mutating func add(subject: Int, key: Int, time: EventTime) {
        let slot = subject * keyCount + key
        let daysBack = Int32(clamping: time.daysBack)
        if daysBack < latestDaysBack[slot] { latestDaysBack[slot] = daysBack }
        if time.monthsBack >= 0, time.monthsBack <= 5 { monthBits[slot] |= 1 << UInt8(time.monthsBack) }
    }

    /// Distinct keys of `subject` in each of the 13 standard windows.
    func counts(subject: Int) -> [Int] {
        var result = Array(repeating: 0, count: FeatureWindow.slotCount)
        let base = subject * keyCount
        for key in 0..<keyCount {
            let daysBack = latestDaysBack[base + key]
            guard daysBack != DistinctCounter.none else { continue }
            result[FeatureWindow.allSlot] += 1
            if daysBack < 7 { result[0] += 1 }
            if daysBack < 15 { result[1] += 1 }
            if daysBack < 30 { result[2] += 1 }
            if daysBack < 60 { result[3] += 1 }
            if daysBack < 90 { result[4] += 1 }
            if daysBack < 180 { result[5] += 1 }
            let bits = monthBits[base + key]
            for month in 0..<6 where bits & (1 << UInt8(month)) != 0 {
                result[FeatureWindow.firstMonthSlot + month] += 1
            }
        }
        return result
    }
}

/// Counts and amount statistics per subject and standard window, for events that may or may
/// not carry an amount. Flat arrays indexed `subject * 13 + slot`.
struct AmountAccumulator {
    let subjectCount: Int
    var count: [Int]
    var amountCount: [Int]
    var sum: [Double]
    var sumSquares: [Double]
    var minimum: [Double]
    var maximum: [Double]
    var large10k: [Int]
    var large50k: [Int]
    var night: [Int]
    var weekend: [Int]
    /// Most recent and oldest event day offsets per subject; -1 when none.
    var latestDaysBack: [Int]
    var oldestDaysBack: [Int]
    /// Every amount with its window mask, per subject, for medians.
    var amounts: [[(amount: Double, mask: UInt16)]]

    init(subjectCount: Int) {
        self.subjectCount = subjectCount
        let size = subjectCount * FeatureWindow.slotCount
        count = Array(repeating: 0, count: size)
        amountCount = count
        sum = Array(repeating: 0, count: size)
        sumSquares = sum
        minimum = Array(repeating: .infinity, count: size)
        maximum = Array(repeating: -.infinity, count: size)
        large10k = count
        large50k = count
        night = count
        weekend = count
        latestDaysBack = Array(repeating: -1, count: subjectCount)
        oldestDaysBack = latestDaysBack
        amounts = Array(repeating: [], count: subjectCount)
    }

    mutating func add(subject: Int, amount: Double?, time: EventTime) {
        let base = subject * FeatureWindow.slotCount
        if latestDaysBack[subject] < 0 || time.daysBack < latestDaysBack[subject] { latestDaysBack[subject] = time.daysBack }
        if time.daysBack > oldestDaysBack[subject] { oldestDaysBack[subject] = time.daysBack }
        let validAmount = amount.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        if let value = validAmount { amounts[subject].append((value, time.mask)) }
        forEachSlot(time.mask) { slot in
            let index = base + slot
            count[index] += 1
            if time.isNight { night[index] += 1 }
            if time.isWeekend { weekend[index] += 1 }
            guard let value = validAmount else { return }
            amountCount[index] += 1
            sum[index] += value
            sumSquares[index] += value * value
            if value < minimum[index] { minimum[index] = value }
            if value > maximum[index] { maximum[index] = value }
            if value >= 10_000 { large10k[index] += 1 }
            if value >= 50_000 { large50k[index] += 1 }
        }
    }

    @inline(__always)
    func index(_ subject: Int, _ slot: Int) -> Int { subject * FeatureWindow.slotCount + slot }

    func mean(_ subject: Int, _ slot: Int) -> Double? {
        let index = index(subject, slot)
        return amountCount[index] == 0 ? nil : sum[index] / Double(amountCount[index])
    }

    /// Population standard deviation (divides by n); nil below two amounts.
    func standardDeviation(_ subject: Int, _ slot: Int) -> Double? {
        let index = index(subject, slot)
        let n = Double(amountCount[index])
        guard amountCount[index] >= 2 else { return nil }
        let mean = sum[index] / n
        return (max(0, sumSquares[index] / n - mean * mean)).squareRoot()
    }

    /// Medians of `subject`'s amounts in every standard window (nil where empty). Sorts once.
    func medians(_ subject: Int) -> [Double?] {
        let sorted = amounts[subject].sorted { $0.amount < $1.amount }
        var result: [Double?] = Array(repeating: nil, count: FeatureWindow.slotCount)
        for slot in 0..<FeatureWindow.slotCount {
            let n = amountCount[index(subject, slot)]
            guard n > 0 else { continue }
            let bit: UInt16 = 1 << UInt16(slot)
            let lowerRank = (n - 1) / 2
            let upperRank = n / 2
            var rank = 0
            var lower = 0.0
            for entry in sorted where entry.mask & bit != 0 {
                if rank == lowerRank { lower = entry.amount }
                if rank == upperRank {
                    result[slot] = (lower + entry.amount) / 2
                    break
                }
                rank += 1
            }
        }
        return result
    }
}
