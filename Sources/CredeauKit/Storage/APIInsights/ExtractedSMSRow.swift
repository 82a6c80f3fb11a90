import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `extracted_sms` row with its columns in `ExtractedSMSColumns` order, read by position.
protocol ExtractedSMSRow {
    /// Returns the column as text, or nil for NULL.
    func text(at column: Int) -> String?
    /// Reads a stored boolean: `t`/`true` (PostgreSQL) or `1` (SQLite) is true, anything else false.
    func flag(at column: Int) -> Bool
    /// Reads a stored amount, or nil for NULL and text that is not a number.
    func amount(at column: Int) -> Double?
    /// Reads stored India-time date text as epoch milliseconds. PostgreSQL may add a fraction.
    func millis(at column: Int) -> Int64?
    /// Returns the case whose raw value is the column's text, or nil for NULL and other text.
    func rawCase<Value>(at column: Int, in table: RawValueTable<Value>) -> Value?
}

extension ExtractedSMSRow {
    func flag(at column: Int) -> Bool {
        ["t", "true", "1"].contains(text(at: column) ?? "")
    }

    func amount(at column: Int) -> Double? {
        text(at: column).flatMap(Double.init)
    }

    func millis(at column: Int) -> Int64? {
        text(at: column).flatMap(SMSDateParser.millis(from:))
    }

    func rawCase<Value>(at column: Int, in table: RawValueTable<Value>) -> Value? {
        text(at: column).flatMap(Value.init(rawValue:))
    }
}

/// A row of column texts, as PostgreSQL returns them.
struct ExtractedSMSTextRow: ExtractedSMSRow {
    let columns: [String?]

    func text(at column: Int) -> String? {
        column < columns.count ? columns[column] : nil
    }
}

/// The current row of a SQLite statement that selects `ExtractedSMSRowCodec.selectList`.
///
/// Each column is read with the accessor for its storage class, so numbers and dates are not
/// turned into text and parsed back. The results equal those of reading every column as text
/// (`String(number)` for numbers), which is how PostgreSQL rows are read.
struct ExtractedSMSSQLiteRow: ExtractedSMSRow {
    let statement: SQLiteStatement

    func text(at column: Int) -> String? {
        let index = Int32(column)
        switch statement.columnType(index) {
        case SQLITE_TEXT: return statement.text(at: index)
        case SQLITE_INTEGER: return String(statement.int64(at: index))
        case SQLITE_FLOAT: return String(statement.double(at: index))
        case SQLITE_NULL: return nil
        default: return statement.column(index).blobText
        }
    }

    func flag(at column: Int) -> Bool {
        // The text of any REAL contains a dot, an exponent or letters, so it is never `1`.
        switch statement.columnType(Int32(column)) {
        case SQLITE_INTEGER: return statement.int64(at: Int32(column)) == 1
        case SQLITE_FLOAT, SQLITE_NULL: return false
        default: return ["t", "true", "1"].contains(text(at: column) ?? "")
        }
    }

    func amount(at column: Int) -> Double? {
        // `Double(String(x))` is `x` for a REAL, because Swift prints the shortest text that reads back exactly.
        switch statement.columnType(Int32(column)) {
        case SQLITE_FLOAT: return statement.double(at: Int32(column))
        case SQLITE_INTEGER: return Double(statement.int64(at: Int32(column)))
        case SQLITE_NULL: return nil
        default: return text(at: column).flatMap(Double.init)
        }
    }

    func millis(at column: Int) -> Int64? {
        guard statement.columnType(Int32(column)) == SQLITE_TEXT else {
            return text(at: column).flatMap(SMSDateParser.millis(from:))
        }
        // Every byte, as `text(at:)` reads it: a text with a NUL inside is no date.
        return statement.withText(at: Int32(column)) { SMSDateParser.millis(utf8: $0) }
    }

    func rawCase<Value>(at column: Int, in table: RawValueTable<Value>) -> Value? {
        guard statement.columnType(Int32(column)) == SQLITE_TEXT else {
            return text(at: column).flatMap(Value.init(rawValue:))
        }
        // Every byte, as `text(at:)` reads it: a text with a NUL inside names no case.
        return statement.withText(at: Int32(column)) { bytes in
            table.value(utf8: bytes, text: { text(at: column) })
        }
    }
}

/// The cases of a String-backed enum by the UTF-8 bytes of their raw values, for reading enum
/// columns without building a String per row.
struct RawValueTable<Value: RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
    /// Every raw value's bytes, one after another, shortest first.
    private let rawBytes: [UInt8]
    /// Each case with the offset of its raw value in `rawBytes`, in the same order.
    private let slots: [(offset: Int, value: Value)]
    /// The range of `slots` whose raw values have N bytes, at index N.
    private let slotsByLength: [Range<Int>]

    init(_ cases: [Value]) {
        let sorted = cases.sorted { $0.rawValue.utf8.count < $1.rawValue.utf8.count }
        let maxLength = sorted.last?.rawValue.utf8.count ?? 0
        var rawBytes: [UInt8] = []
        var slots: [(offset: Int, value: Value)] = []
        var slotsByLength = Array(repeating: 0..<0, count: maxLength + 1)
        for value in sorted {
            let length = value.rawValue.utf8.count
            if slotsByLength[length].isEmpty { slotsByLength[length] = slots.count..<slots.count }
            slots.append((rawBytes.count, value))
            rawBytes.append(contentsOf: value.rawValue.utf8)
            slotsByLength[length] = slotsByLength[length].lowerBound..<slots.count
        }
        self.rawBytes = rawBytes
        self.slots = slots
        self.slotsByLength = slotsByLength
    }

    /// Returns the case that `init(rawValue:)` finds for the text with these UTF-8 bytes, which
    /// `text` returns as a String.
    ///
    /// Text whose bytes equal a raw value is that case, and other ASCII text matches no case. Only text
    /// with other bytes goes through `init(rawValue:)`, whose String comparison is Unicode-aware,
    /// in case it is canonically equivalent to a raw value or `text` repairs invalid UTF-8.
    func value(utf8 bytes: UnsafeRawBufferPointer, text: () -> String?) -> Value? {
        if let value = value(utf8: bytes) { return value }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return text().flatMap(Value.init(rawValue:))
    }

    /// Returns the case whose raw value has exactly these bytes.
    func value(utf8 bytes: UnsafeRawBufferPointer) -> Value? {
        guard bytes.count < slotsByLength.count else { return nil }
        guard let textBase = bytes.baseAddress, !bytes.isEmpty else {
            return slotsByLength[0].first.map { slots[$0].value }
        }
        return rawBytes.withUnsafeBytes { raw in
            for slot in slotsByLength[bytes.count] where memcmp(raw.baseAddress! + slots[slot].offset, textBase, bytes.count) == 0 {
                return slots[slot].value
            }
            return nil
        }
    }
}

private extension SQLiteValue {
    var blobText: String? {
        if case let .blob(bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}
