/// The media ranges of an HTTP `Accept` header (RFC 9110 section 12.5.1).
///
/// The header is a comma-separated list of media ranges such as `application/bson`,
/// `application/*;q=0.5` or `*/*`. Each may carry parameters after `;`, of which `q` is the
/// weight from 0 to 1 (1 when absent, 0 meaning "not acceptable"). Parameters before `q` belong
/// to the media type and are kept; those after it are accept-extensions. Names compare without case,
/// commas inside quoted parameter values do not split ranges (a quote that never closes quotes
/// nothing), and a range whose weight is not a valid q-value is ignored.
public struct AcceptHeader: Sendable, Equatable {
    /// One media range with its weight; `type` and `subtype` are lower case and may be `*`.
    public struct MediaRange: Sendable, Equatable {
        public var type: String
        public var subtype: String
        public var quality: Double
        /// Media type parameters (those before `q`) by lower-case name, with quoted values unquoted.
        /// When a name repeats, the last value counts.
        public var parameters: [String: String] = [:]
    }

    public let ranges: [MediaRange]

    /// Parses `header`; a missing or empty header has no ranges.
    public init(_ header: String?) {
        ranges = Self.splitOutsideQuotes(header ?? "", at: ",").compactMap(Self.parseRange)
    }

    /// Returns the weight of the ranges that name `mediaType` exactly, nil when none does.
    /// Wildcard ranges such as `*/*` do not count.
    public func explicitQuality(of mediaType: String) -> Double? {
        let (type, subtype) = Self.typeAndSubtype(mediaType.lowercased())
        return ranges.filter { $0.type == type && $0.subtype == subtype }.map(\.quality).max()
    }

    /// Returns the weight `mediaType` gets from the most specific range that matches it, or nil
    /// when no range matches. An exact range beats `type/*`, which beats `*/*`.
    public func quality(of mediaType: String) -> Double? {
        if let exact = explicitQuality(of: mediaType) { return exact }
        let (type, _) = Self.typeAndSubtype(mediaType.lowercased())
        let typeWide = ranges.filter { $0.type == type && $0.subtype == "*" }.map(\.quality).max()
        return typeWide ?? ranges.filter { $0.type == "*" && $0.subtype == "*" }.map(\.quality).max()
    }

    private static func parseRange(_ text: Substring) -> MediaRange? {
        let fields = splitOutsideQuotes(text, at: ";").map(trimmed)
        guard let name = fields.first, !name.isEmpty else { return nil }
        let (type, subtype) = typeAndSubtype(name.lowercased())
        guard !type.isEmpty, !subtype.isEmpty, !(type == "*" && subtype != "*") else { return nil }

        var quality = 1.0
        var parameters: [String: String] = [:]
        for parameter in fields.dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map(trimmed)
            guard parts.count == 2 else { continue }
            let name = parts[0].lowercased()
            guard name == "q" else {
                parameters[name] = unquoted(parts[1])
                continue
            }
            guard let weight = qualityValue(parts[1]) else { return nil }
            quality = weight
            // Parameters after the weight are accept-extensions, which do not change the match.
            break
        }
        return MediaRange(type: type, subtype: subtype, quality: quality, parameters: parameters)
    }

    /// Returns a parameter value without its double quotes and backslash escapes, when it is a
    /// quoted string, and as it is otherwise.
    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return value }
        var text = ""
        var escaped = false
        for character in value.dropFirst().dropLast() {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            text.append(character)
        }
        return text
    }

    /// Reads a q-value: `0` or `1`, optionally followed by a dot and up to three digits, at most 1.
    static func qualityValue(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        if bytes.count > 1 {
            let decimals = bytes.dropFirst(2)
            guard bytes[1] == UInt8(ascii: "."), decimals.count <= 3,
                  decimals.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
        }
        guard let value = Double(text), value <= 1 else { return nil }
        return value
    }

    private static func typeAndSubtype(_ name: String) -> (String, String) {
        let parts = name.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return ("", "") }
        return (trimmed(parts[0]), trimmed(parts[1]))
    }

    static func trimmed(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// Splits `text` at each `separator` that is not inside a double-quoted string.
    static func splitOutsideQuotes<Text: StringProtocol>(_ text: Text, at separator: Character) -> [Substring] {
        var parts: [Substring] = []
        let whole = Substring(text)
        var start = whole.startIndex
        var quoted = false
        var escaped = false
        // The quote that opened the quoted string the scan is in.
        var opening = whole.startIndex
        for index in whole.indices {
            let character = whole[index]
            if escaped {
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                opening = index
            } else if !quoted && character == separator {
                parts.append(whole[start..<index])
                start = whole.index(after: index)
            }
        }
        if quoted {
            // A quote that never closes is an ordinary character, so the text after it still
            // splits: a typo in one parameter must not swallow the ranges that follow it. The
            // scan before it stays as it was, and the rest is split in one more pass.
            var index = whole.index(after: opening)
            while index < whole.endIndex {
                if whole[index] == separator {
                    parts.append(whole[start..<index])
                    start = whole.index(after: index)
                }
                index = whole.index(after: index)
            }
        }
        parts.append(whole[start...])
        return parts
    }
}
