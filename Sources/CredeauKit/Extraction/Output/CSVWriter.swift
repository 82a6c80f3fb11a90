/// Writes RFC 4180 CSV: a header row of the column names, CRLF line ends, and fields quoted when
/// they contain a comma, a double quote, CR or LF (quotes doubled inside).
///
/// Null is an empty field; an empty string is written as `""` so the two stay distinguishable.
public final class CSVWriter: ExtractedSMSEncodingWriter {
    private let output: ByteOutput

    public init(output: ByteOutput) throws {
        self.output = output
        try output.append { buffer in
            for (index, name) in ExtractedSMSColumns.names.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(contentsOf: name.utf8)
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
        }
    }

    public func write(_ entry: ExtractedSMS) throws {
        try output.append { Self.appendRow(entry, to: &$0) }
    }

    /// Encodes with static members only, so any thread may call it.
    public func encode(_ entries: ArraySlice<ExtractedSMS>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 700)
        for entry in entries { Self.appendRow(entry, to: &bytes) }
        return bytes
    }

    public func writeEncoded(_ bytes: [UInt8]) throws {
        try output.append { $0.append(contentsOf: bytes) }
    }

    /// Appends one entry as a CSV row ending in CRLF.
    static func appendRow(_ entry: ExtractedSMS, to buffer: inout [UInt8]) {
        let values = ExtractedSMSColumns.values(of: entry)
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            switch value {
            case .null:
                break
            case let .text(text):
                appendField(text, to: &buffer)
            case let .bool(flag):
                buffer.append(contentsOf: (flag ? "true" : "false").utf8)
            case let .amount(rupees):
                buffer.append(contentsOf: (JSONText.amount(rupees) ?? "").utf8)
            }
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    public func finish() throws {
        try output.finish()
    }

    static func appendField(_ text: String, to buffer: inout [UInt8]) {
        let needsQuotes = text.isEmpty || text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            buffer.append(contentsOf: text.utf8)
            return
        }
        buffer.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }
}
