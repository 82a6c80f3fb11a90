/// Reduces a raw sender to its bare header or phone digits.
///
/// The two-letter prefix names the operator and circle of the delivering route and the
/// `-P/-S/-T/-G` suffix the template category (TRAI, since May 2025); neither identifies the
/// institution, so both are dropped.
public enum SenderNormaliser {
    public static func normalise(_ rawSender: String?) -> (key: String, kind: SenderKind) {
        guard let rawSender else { return ("", .unknown) }
        var text = rawSender.trimmingSpaces().uppercased()
        if text.isEmpty { return ("", .unknown) }

        let digitsOnly = text.filter { $0 != "+" && $0 != " " && $0 != "-" }
        if !digitsOnly.isEmpty, digitsOnly.allSatisfy(\.isASCIIDigit), text.first == "+" || digitsOnly.count >= 10 {
            return (String(digitsOnly.suffix(10)), .phoneNumber)
        }

        // Drop a trailing single-letter category suffix, then the operator+circle prefix.
        if text.count > 2, let dash = text.lastIndex(of: "-"), text.distance(from: dash, to: text.endIndex) == 2 {
            text = String(text[..<dash])
        }
        if text.count > 3, text.dropFirst(2).first == "-", text.prefix(2).allSatisfy(\.isASCIILetter) {
            text = String(text.dropFirst(3))
        }
        let header = String(text.filter { $0.isASCIILetter || $0.isASCIIDigit })
        if header.isEmpty { return ("", .unknown) }
        return (header, header.allSatisfy(\.isASCIIDigit) ? .numericHeader : .header)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return Substring(slice)
    }
}
