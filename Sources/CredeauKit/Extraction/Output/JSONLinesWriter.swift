/// Writes one JSON object per line, with the fields in `ExtractedSMSColumns` order.
public final class JSONLinesWriter: ExtractedSMSWriter {
    private let output: ByteOutput
    /// Each key pre-encoded as `"name":`, with `{` before the first and `,` before the others.
    private static let keyPrefixes: [[UInt8]] = ExtractedSMSColumns.names.enumerated().map { index, name in
        var prefix: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
        JSONText.appendString(name, to: &prefix)
        prefix.append(UInt8(ascii: ":"))
        return prefix
    }

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
    public static func append(values: [ExtractedFieldValue], to buffer: inout [UInt8]) {
        for (prefix, value) in zip(keyPrefixes, values) {
            // Appending through a buffer pointer is a plain copy, and the serve-sms responses
            // write 30 keys per SMS.
            prefix.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
            switch value {
            case .null:
                nullBytes.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
            case let .text(text):
                JSONText.appendString(text, to: &buffer)
            case let .bool(flag):
                (flag ? trueBytes : falseBytes).withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
            case let .amount(rupees):
                buffer.append(contentsOf: (JSONText.amount(rupees) ?? "null").utf8)
            }
        }
        buffer.append(UInt8(ascii: "}"))
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
}
