import CSQLite

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
        return statement.withText(at: Int32(column)) { bytes in
            // `String(cString:)` would stop at a NUL byte, so the parser reads the same text.
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return SMSDateParser.millis(utf8: UnsafeRawBufferPointer(rebasing: bytes[..<end]))
        }
    }
}

private extension SQLiteValue {
    var blobText: String? {
        if case let .blob(bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}
