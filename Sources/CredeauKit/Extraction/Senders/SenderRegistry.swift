/// An institution behind one DLT header.
public struct SenderInfo: Sendable, Equatable {
    /// Bare header in upper case, without operator/circle prefix or message-type suffix (`HDFCBK`).
    public var header: String
    /// Institution name in lower case, as the extracted entry carries it (`hdfc bank`).
    public var name: String
    public var type: SenderType
    /// Where the mapping comes from (evidence codes or a URL), kept for auditing the data.
    public var source: String
}

/// What a raw `sms_sender` value turned out to be.
public enum SenderKind: String, Sendable {
    /// An alphabetic DLT header (`VM-HDFCBK-S`).
    case header
    /// A numeric header, which DLT assigns to promotional senders (`AX-650018`).
    case numericHeader = "numeric_header"
    /// A person's phone number (10 digits, optionally with +91 or a leading 0).
    case phoneNumber = "phone_number"
    /// Missing or empty.
    case unknown
}

/// A normalised sender: the bare key used for lookups, its kind, and the institution if known.
public struct SenderLookup: Sendable, Equatable {
    /// Lower-case bare header (`hdfcbk`) or the phone number's digits; "" when the sender is missing.
    public var key: String
    public var kind: SenderKind
    public var info: SenderInfo?
}

/// Maps DLT headers to institutions.
///
/// The table is data: tab-separated lines of `header`, `institution`, `type`, `source`, with `#`
/// comments. The default table is compiled into the binary (`SenderTable.defaultTSV`); an operator
/// can load another with `init(tsv:)`.
public final class SenderRegistry: Sendable {
    private let byHeader: [String: SenderInfo]

    public var count: Int { byHeader.count }
    public var entries: [SenderInfo] { Array(byHeader.values) }

    /// The registry built from the compiled-in table.
    public static let standard: SenderRegistry = {
        do {
            return try SenderRegistry(tsv: SenderTable.defaultTSV)
        } catch {
            preconditionFailure("The compiled-in sender table is invalid: \(error)")
        }
    }()

    public init(tsv: String, origin: String = "compiled-in sender table") throws {
        var table: [String: SenderInfo] = [:]
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) }
            guard columns.count >= 4 else {
                throw SenderTableError.invalidLine(origin: origin, line: lineNumber, reason: "expected 4 tab-separated columns, found \(columns.count)")
            }
            guard let type = SenderType(rawValue: columns[2]) else {
                throw SenderTableError.invalidLine(origin: origin, line: lineNumber, reason: "unknown sender type '\(columns[2])'")
            }
            let header = columns[0].uppercased()
            guard !header.isEmpty, !columns[1].isEmpty, !columns[3].isEmpty else {
                throw SenderTableError.invalidLine(origin: origin, line: lineNumber, reason: "empty header, institution or source")
            }
            if table[header] != nil {
                throw SenderTableError.invalidLine(origin: origin, line: lineNumber, reason: "duplicate header '\(header)'")
            }
            table[header] = SenderInfo(header: header, name: columns[1].lowercased(), type: type, source: columns[3])
        }
        byHeader = table
    }

    /// Normalises a raw sender and looks up its institution.
    public func lookup(_ rawSender: String?) -> SenderLookup {
        let normalised = SenderNormaliser.normalise(rawSender)
        guard normalised.kind == .header || normalised.kind == .numericHeader else {
            return SenderLookup(key: normalised.key, kind: normalised.kind, info: nil)
        }
        return SenderLookup(key: normalised.key.lowercased(), kind: normalised.kind, info: byHeader[normalised.key])
    }

    public func info(forHeader header: String) -> SenderInfo? {
        byHeader[header.uppercased()]
    }
}

public enum SenderTableError: CredeauError {
    case invalidLine(origin: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .invalidLine(origin, line, reason):
            return "Invalid sender table '\(origin)' line \(line): \(reason)"
        }
    }
}

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
