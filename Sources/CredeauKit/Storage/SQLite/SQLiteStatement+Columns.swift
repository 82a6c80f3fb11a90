import CSQLite

/// Typed reads of the current row, for hot loops that should not build a `SQLiteValue` per column.
extension SQLiteStatement {
    /// The column's storage class: `SQLITE_INTEGER`, `SQLITE_FLOAT`, `SQLITE_TEXT`, `SQLITE_BLOB`
    /// or `SQLITE_NULL`.
    func columnType(_ index: Int32) -> Int32 {
        sqlite3_column_type(handle, index)
    }

    func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// A TEXT column's value, all its bytes (a NUL inside the text included), as `column(_:)` reads it.
    func text(at index: Int32) -> String {
        guard let base = sqlite3_column_text(handle, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base, count: Int(sqlite3_column_bytes(handle, index))),
                      as: UTF8.self)
    }

    /// Calls `body` with a TEXT column's UTF-8 bytes, which stay valid only inside `body`.
    func withText<Result>(at index: Int32, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let base = sqlite3_column_text(handle, index) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
