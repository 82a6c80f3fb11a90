/// The rows of a finished statement, copied out of libpq's result before it was cleared.
///
/// Values are PostgreSQL's text output (`t`/`f` for booleans, ISO dates); nil is SQL NULL.
public struct PostgresRows: Sendable {
    public var columns: [String]
    public var rows: [[String?]]
    /// Rows the statement inserted, updated or deleted (`PQcmdTuples`), 0 when it reports none.
    public var affectedRows: Int

    public init(columns: [String] = [], rows: [[String?]] = [], affectedRows: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }

    /// The first column of the first row, for single-value queries.
    public var scalar: String? { rows.first?.first ?? nil }

    /// The value of `column` in row `index`, nil when the column is missing or NULL.
    public func value(_ column: String, row index: Int) -> String? {
        guard let position = columns.firstIndex(of: column), rows.indices.contains(index) else { return nil }
        return rows[index][position]
    }
}
