import Foundation

/// Number formatting for sizing output: thousands separators and a few significant digits, the
/// same on every locale.
enum NumberText {
    /// Formats `80000` as `80,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// Formats a decimal with about four significant digits and no trailing zeros: `3.333`, `0.01515`, `12,000`.
    ///
    /// Values that round to 1,000 or more become grouped whole numbers.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let magnitude = abs(value)
        // 999.96 rounds to 1000.0 at one decimal, so group anything that rounds to four digits.
        if magnitude >= 1e15 {
            // Past this, Int conversion can overflow and grouping stops being readable.
            return String(format: "%.4g", value)
        }
        if magnitude >= 999.95 {
            return grouped(Int(value.rounded()))
        }
        let leadingDigits = magnitude < 1e-12 ? 1 : Int(log10(magnitude).rounded(.down)) + 1
        let decimals = min(10, max(0, 4 - leadingDigits))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
