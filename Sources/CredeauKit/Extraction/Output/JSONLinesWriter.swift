/// Writes one JSON object per line, with the fields in `ExtractedSMSColumns` order.
public final class JSONLinesWriter: ExtractedSMSEncodingWriter {
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
        try output.finish()
    }

    /// Encodes with static members only, so any thread may call it.
    public func encode(_ entries: ArraySlice<ExtractedSMS>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 900)
        for entry in entries {
            Self.append(entry, to: &bytes)
            bytes.append(0x0A)
        }
        return bytes
    }

    public func writeEncoded(_ bytes: [UInt8]) throws {
        try output.append { $0.append(contentsOf: bytes) }
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
        values.withUnsafeBufferPointer { append(values: $0, to: &buffer) }
    }

    /// Appends every row of `rows` as a JSON object, with a comma between two objects, as
    /// `append(values:to:)` writes each. One scratch buffer, grown when a row needs more, serves
    /// every row, where a call per row would allocate scratch memory per row.
    public static func append(rows: ExtractedSMSRows, to buffer: inout [UInt8]) {
        var scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 16 * 1024)
        defer { scratch.deallocate() }
        let width = ExtractedSMSRows.width
        rows.values.withUnsafeBufferPointer { values in
            for row in 0..<rows.count {
                if row > 0 { buffer.append(UInt8(ascii: ",")) }
                let rowValues = UnsafeBufferPointer(rebasing: values[(row * width)..<((row + 1) * width)])
                let maxCount = maxObjectCount(rowValues)
                if scratch.count < maxCount {
                    scratch.deallocate()
                    scratch = .allocate(capacity: maxCount)
                }
                let written = writeObject(rowValues, to: scratch.baseAddress!)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<written]))
            }
        }
    }

    private static func append(values: UnsafeBufferPointer<ExtractedFieldValue>, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxObjectCount(values)) { scratch in
            let written = writeObject(values, to: scratch.baseAddress!)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<written]))
        }
    }

    /// Returns the longest JSON object `writeObject` can write for `values`, in bytes.
    private static func maxObjectCount(_ values: UnsafeBufferPointer<ExtractedFieldValue>) -> Int {
        var maxCount = keyBytes.count + 1
        for value in values.prefix(keyLengths.count) {
            switch value {
            case .null, .bool: maxCount += 5
            case let .text(text): maxCount += JSONText.maxQuotedCount(utf8Count: text.utf8.count)
            case .amount: maxCount += JSONText.maxAmountCount
            }
        }
        return maxCount
    }

    /// Writes `values` as one JSON object to `start`, which must have room for
    /// `maxObjectCount(values)` bytes, and returns the number of bytes written.
    private static func writeObject(_ values: UnsafeBufferPointer<ExtractedFieldValue>,
                                    to start: UnsafeMutablePointer<UInt8>) -> Int {
        let columnCount = min(values.count, keyLengths.count)
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
        return start.distance(to: out) + 1
    }

    /// Writes one value as JSON and returns the number of bytes written.
    private static func write(_ value: ExtractedFieldValue, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case .null:
            return writeLiteral(nullBytes, to: out)
        case let .text(text):
            // withCString borrows the string where withUTF8 needs a mutable copy of it. Its
            // buffer contains every UTF-8 byte, NUL bytes included, then a terminating NUL.
            let count = text.utf8.count
            return text.withCString { start in
                start.withMemoryRebound(to: UInt8.self, capacity: count + 1) {
                    JSONText.writeString(UnsafeBufferPointer(start: $0, count: count), to: out)
                }
            }
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
