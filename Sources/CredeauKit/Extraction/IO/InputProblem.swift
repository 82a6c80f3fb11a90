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

    /// `'dump.json' line 12, sms 3, field 'sms_body': missing`.
    public var description: String {
        var text = "'\(file)' \(location)"
        if let field { text += ", field '\(field)'" }
        return text + ": \(reason)"
    }
}
