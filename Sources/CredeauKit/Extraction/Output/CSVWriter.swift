/// Writes RFC 4180 CSV: a header row of the column names, CRLF line ends, and fields quoted when
/// they contain a comma, a double quote, CR or LF (quotes doubled inside).
///
/// Null is an empty field; an empty string is written as `""` so the two stay distinguishable.
public final class CSVWriter: ExtractedSMSWriter {
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
        let values = ExtractedSMSColumns.values(of: entry)
        try output.append { buffer in
            for (index, value) in values.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                switch value {
                case .null:
                    break
                case let .text(text):
                    Self.appendField(text, to: &buffer)
                case let .bool(flag):
                    buffer.append(contentsOf: (flag ? "true" : "false").utf8)
                case let .amount(rupees):
                    buffer.append(contentsOf: (JSONText.amount(rupees) ?? "").utf8)
                }
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
        }
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
