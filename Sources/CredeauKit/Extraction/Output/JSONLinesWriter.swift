/// Writes one JSON object per line, with the fields in `ExtractedSMSColumns` order.
public final class JSONLinesWriter: ExtractedSMSWriter {
    private let output: ByteOutput
    /// Every key pre-encoded as `"name":`, with `{` before the first and `,` before the others,
    /// one after another in `ExtractedSMSColumns` order.
    private static let keyBytes: [UInt8] = ExtractedSMSColumns.names.enumerated().reduce(into: []) { bytes, column in
        bytes.append(column.offset == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
        JSONText.appendString(column.element, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }
    /// The length of each key in `keyBytes`.
    private static let keyLengths: [Int] = ExtractedSMSColumns.names.map { $0.utf8.count + 4 }

    public init(output: ByteOutput) {
        self.output = output
    }

    public func write(_ entry: ExtractedSMS) throws {
        try output.append { buffer in
            Self.append(entry, to: &buffer)
            buffer.append(0x0A)
        }
    }

    public func finish() throws {
        try output.flush()
    }

    /// Encodes one entry as a JSON object, for callers that need a single entry as text.
    public static func encode(_ entry: ExtractedSMS) -> String {
        var buffer: [UInt8] = []
        append(entry, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends one entry as a JSON object (no newline), for response bodies that list entries.
    public static func append(_ entry: ExtractedSMS, to buffer: inout [UInt8]) {
        append(values: ExtractedSMSColumns.values(of: entry), to: &buffer)
    }

    /// Appends an entry's column values, in `ExtractedSMSColumns` order, as a JSON object.
    ///
    /// The object is written through a pointer into scratch memory sized for the longest possible
    /// text and then copied in one append. A serve-sms response writes 30 keys per SMS, and a
    /// checked append per key and value cost more than the writing itself.
    public static func append(values: [ExtractedFieldValue], to buffer: inout [UInt8]) {
        append(values: values[...], to: &buffer)
    }

    /// Appends one row of `ExtractedSMSRows` as a JSON object, as `append(values:to:)` does.
    public static func append(values: ArraySlice<ExtractedFieldValue>, to buffer: inout [UInt8]) {
        values.withUnsafeBufferPointer { append(values: $0, to: &buffer) }
    }

    private static func append(values: UnsafeBufferPointer<ExtractedFieldValue>, to buffer: inout [UInt8]) {
        let columnCount = min(values.count, keyLengths.count)
        var maxCount = keyBytes.count + 1
        for value in values.prefix(columnCount) {
            switch value {
            case .null, .bool: maxCount += 5
            case let .text(text): maxCount += JSONText.maxQuotedCount(utf8Count: text.utf8.count)
            case .amount: maxCount += JSONText.maxAmountCount
            }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxCount) { scratch in
            let start = scratch.baseAddress!
            var out = start
            keyBytes.withUnsafeBufferPointer { keys in
                var key = keys.baseAddress!
                for column in 0..<columnCount {
                    out.update(from: key, count: keyLengths[column])
                    out += keyLengths[column]
                    key += keyLengths[column]
                    out += write(values[column], to: out)
                }
            }
            out.pointee = UInt8(ascii: "}")
            buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: start.distance(to: out) + 1))
        }
    }

    /// Writes one value as JSON and returns the number of bytes written.
    private static func write(_ value: ExtractedFieldValue, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case .null:
            return writeLiteral(nullBytes, to: out)
        case let .text(text):
            var text = text
            return text.withUTF8 { JSONText.writeString($0, to: out) }
        case let .bool(flag):
            return writeLiteral(flag ? trueBytes : falseBytes, to: out)
        case let .amount(rupees):
            return JSONText.writeAmount(rupees, to: out) ?? writeLiteral(nullBytes, to: out)
        }
    }

    private static func writeLiteral(_ literal: StaticString, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out.update(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
        return literal.utf8CodeUnitCount
    }

    private static let nullBytes: StaticString = "null"
    private static let trueBytes: StaticString = "true"
    private static let falseBytes: StaticString = "false"
}
