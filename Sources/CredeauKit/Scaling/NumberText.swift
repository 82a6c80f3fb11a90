import Foundation

/// Number formatting for sizing output: thousands separators and a few significant digits, the
/// same on every locale.
enum NumberText {
    /// `80000` as `80,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// A decimal with about four significant digits, trailing zeros removed: `3.333`, `0.01515`, `12,000`.
    ///
    /// Values of 1,000 and more are rounded to whole numbers and grouped.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let magnitude = abs(value)
        if magnitude >= 1_000 {
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
