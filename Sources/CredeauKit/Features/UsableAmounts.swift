/// Checks that amounts can be rounded to whole paise before the feature families read them.
///
/// An extracted entry may carry any double, for example from a stored row or from an SMS
/// Extraction API response with `1e300` or NaN. The families convert paise with `Int64(...)`,
/// which traps on such values, so the engine treats them as missing.
extension UserData {
    /// Returns the user with every amount that cannot be rounded to the paisa set to nil. The
    /// SMS list is copied only when some entry needs a change.
    func withUsableAmounts() -> UserData {
        guard let first = sms.firstIndex(where: { !$0.hasUsableAmounts }) else { return self }
        var copy = self
        for index in first..<copy.sms.count where !copy.sms[index].hasUsableAmounts {
            copy.sms[index].dropUnusableAmounts()
        }
        return copy
    }
}

extension ExtractedSMS {
    /// True when each amount is missing or within the range `JSONText.paise` rounds.
    var hasUsableAmounts: Bool {
        Self.isUsable(amount) && Self.isUsable(availableBalance) && Self.isUsable(outstandingAmount)
            && Self.isUsable(dueAmount)
    }

    /// Sets each amount that `hasUsableAmounts` rejects to nil.
    mutating func dropUnusableAmounts() {
        if !Self.isUsable(amount) { amount = nil }
        if !Self.isUsable(availableBalance) { availableBalance = nil }
        if !Self.isUsable(outstandingAmount) { outstandingAmount = nil }
        if !Self.isUsable(dueAmount) { dueAmount = nil }
    }

    private static func isUsable(_ value: Double?) -> Bool {
        guard let value else { return true }
        return JSONText.paise(value) != nil
    }
}
