/// The rules and words for a date given as a number, text or another type. `extract --sms`
/// (`SyncDocumentDecoder`) and features mode (`SMSFieldValue`, `SyncDateParser`) share them, so
/// both accept the same dates and give the same reasons.
enum SMSDateRule {
    /// Returns the whole epoch milliseconds of a floating-point date, or nil when it is not finite,
    /// has a fraction or is beyond 9e15 (about the year 287,000). serve-sms rejects a fraction too.
    static func millis(_ number: Double) -> Int64? {
        guard number.isFinite, abs(number) < 9.0e15, number.rounded(.towardZero) == number else { return nil }
        return Int64(number)
    }

    /// Returns the reason a floating-point date that `millis(_:)` rejects is no date.
    static func numberProblem(_ number: Double) -> String {
        guard number.isFinite, abs(number) < 9.0e15 else { return "invalid epoch milliseconds \(number)" }
        return "invalid epoch milliseconds \(number): expected a whole number of milliseconds"
    }

    /// Returns the reason a text is no date, listing the accepted forms.
    static func textProblem(_ text: String) -> String {
        "invalid date '\(text)': expected epoch milliseconds, YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, YYYYMMDD, "
            + "YYYYMMDDHHMMSS or ISO 8601"
    }

    /// Returns the reason a value of type `kind` (`array`, `boolean`, …) is no date.
    static func typeProblem(_ kind: String) -> String {
        "expected a date or epoch milliseconds, found \(kind)"
    }
}
