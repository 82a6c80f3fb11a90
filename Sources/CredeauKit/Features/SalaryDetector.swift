/// Tags salary credits: by keyword, or by recurrence (the same payer crediting a similar amount
/// around the same day of month in at least two of three consecutive calendar months).
///
/// Callers pass only credits at or before the cutoff, so a pattern that first appears after the
/// cutoff cannot tag earlier credits (the leakage that tagging on the whole inbox causes).
enum SalaryDetector {
    struct Credit {
        /// Absolute IST month index (year * 12 + month - 1).
        var month: Int
        var dayOfMonth: Int
        var amount: Double
        /// Normalised payer, or nil when the SMS names none.
        var party: String?
        var hasKeyword: Bool
    }

    /// Relative amount tolerance and day-of-month tolerance for recurring credits.
    static let amountTolerance = 0.20
    static let dayTolerance = 5
    /// Comparisons per credit are capped so that a payer with thousands of credits stays linear.
    static let neighbourLimit = 64

    /// Returns one salary flag per credit, in the order given.
    static func detect(_ credits: [Credit]) -> [Bool] {
        var flags = credits.map(\.hasKeyword)
        var byParty: [String: [Int]] = [:]
        for (index, credit) in credits.enumerated() {
            guard let party = credit.party, !party.isEmpty, credit.amount > 0 else { continue }
            byParty[party, default: []].append(index)
        }
        for members in byParty.values where members.count >= 2 {
            for (rank, index) in members.enumerated() where !flags[index] {
                let credit = credits[index]
                let lower = max(0, rank - neighbourLimit)
                let upper = min(members.count - 1, rank + neighbourLimit)
                for otherRank in lower...upper where otherRank != rank {
                    let other = credits[members[otherRank]]
                    let monthGap = abs(other.month - credit.month)
                    guard monthGap >= 1, monthGap <= 2 else { continue }
                    guard abs(other.amount - credit.amount) <= amountTolerance * credit.amount else { continue }
                    guard abs(other.dayOfMonth - credit.dayOfMonth) <= dayTolerance else { continue }
                    flags[index] = true
                    break
                }
            }
        }
        return flags
    }
}
