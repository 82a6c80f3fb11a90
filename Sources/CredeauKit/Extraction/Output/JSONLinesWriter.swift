/// Writes one JSON object per line, with the fields in `ExtractedSMSColumns` order.
public final class JSONLinesWriter: ExtractedSMSWriter {
    private let output: ByteOutput
    /// Each key pre-encoded as `"name":`, with the separating comma for all but the first.
    private let keyPrefixes: [[UInt8]]

    public init(output: ByteOutput) {
        self.output = output
        keyPrefixes = Self.makeKeyPrefixes()
    }

    public func write(_ entry: ExtractedSMS) throws {
        let values = ExtractedSMSColumns.values(of: entry)
        try output.append { buffer in
            Self.appendObject(values, keyPrefixes: keyPrefixes, to: &buffer)
            buffer.append(0x0A)
        }
    }

    public func finish() throws {
        try output.flush()
    }

    /// Encodes one entry as a JSON object, for callers that need a single entry (HTTP bodies, tests).
    public static func encode(_ entry: ExtractedSMS) -> String {
        var buffer: [UInt8] = []
        appendObject(ExtractedSMSColumns.values(of: entry), keyPrefixes: makeKeyPrefixes(), to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    private static func makeKeyPrefixes() -> [[UInt8]] {
        ExtractedSMSColumns.names.enumerated().map { index, name in
            var prefix: [UInt8] = index == 0 ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
            JSONText.appendString(name, to: &prefix)
            prefix.append(UInt8(ascii: ":"))
            return prefix
        }
    }

    private static func appendObject(_ values: [ExtractedFieldValue], keyPrefixes: [[UInt8]], to buffer: inout [UInt8]) {
        for (prefix, value) in zip(keyPrefixes, values) {
            buffer.append(contentsOf: prefix)
            switch value {
            case .null:
                buffer.append(contentsOf: "null".utf8)
            case let .text(text):
                JSONText.appendString(text, to: &buffer)
            case let .bool(flag):
                buffer.append(contentsOf: (flag ? "true" : "false").utf8)
            case let .amount(rupees):
                buffer.append(contentsOf: (JSONText.amount(rupees) ?? "null").utf8)
            }
        }
        buffer.append(UInt8(ascii: "}"))
    }
}
