/// The position of a record in an input file, for messages a person can follow back to the data.
public struct RecordLocation: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line where the record (or its enclosing document) starts; nil for BSON files.
    public var line: Int?
    /// 1-based position of the document (JSON array element or BSON document); nil for JSON Lines.
    public var document: Int?
    /// 1-based position of the SMS inside a sync-request document's SMS array.
    public var smsIndex: Int?

    public init(line: Int? = nil, document: Int? = nil, smsIndex: Int? = nil) {
        self.line = line
        self.document = document
        self.smsIndex = smsIndex
    }

    public var description: String {
        var parts: [String] = []
        if let document { parts.append("document \(document)") }
        if let line { parts.append("line \(line)") }
        if let smsIndex { parts.append("sms \(smsIndex)") }
        return parts.joined(separator: ", ")
    }
}

/// A record the readers skipped: the file, where in it, the field at fault and why.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: RecordLocation
    /// Canonical field name (`sms_body`), or nil when the whole record is unreadable.
    public var field: String?
    public var reason: String

    public init(file: String, location: RecordLocation, field: String?, reason: String) {
        self.file = file
        self.location = location
        self.field = field
        self.reason = reason
    }

    /// `'dump.json' line 12, sms 3, field 'sms_body': missing`. Control characters quoted from the
    /// input (ESC, NUL, BEL …) are written as `\x1b`, so a line cannot drive a terminal or make
    /// a log read as binary.
    public var description: String {
        var text = "'\(file)' \(location)"
        if let field { text += ", field '\(field)'" }
        return Self.escapingControls(text + ": \(reason)")
    }

    /// Returns `text` with C0 and C1 control characters and DEL written as `\xHH`.
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                escaped += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
