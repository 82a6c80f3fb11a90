/// The column values of a batch of extracted entries, row after row in one array, each row in
/// `ExtractedSMSColumns` order.
///
/// serve-sms builds one of these per request and both the SQLite insert and the response read
/// it. One array for the batch, in place of an array per entry, saves an allocation, a copy of
/// the entry and a release of 30 values per SMS.
public struct ExtractedSMSRows: Sendable {
    /// Values per row: the number of `ExtractedSMSColumns.names`.
    public static let width = ExtractedSMSColumns.names.count

    /// Every row's values, `width` per row.
    public private(set) var values: [ExtractedFieldValue] = []
    /// The created_at texts of the last entry appended, reused while the next entries share its
    /// time, as the entries of one request do.
    private var created: ExtractedSMSColumns.CreatedTexts?

    public init() {}

    /// Rows for `entries`, in order.
    public init(_ entries: [ExtractedSMS]) {
        reserveCapacity(entries.count)
        for entry in entries {
            append(entry)
        }
    }

    public var count: Int { values.count / Self.width }
    public var isEmpty: Bool { values.isEmpty }

    /// Returns the values of row `row`, in `ExtractedSMSColumns` order.
    public subscript(row: Int) -> ArraySlice<ExtractedFieldValue> {
        values[(row * Self.width)..<((row + 1) * Self.width)]
    }

    /// Returns the sms_id of row `row`, which `append` always writes as text.
    public func smsID(at row: Int) -> String {
        if case let .text(id) = values[row * Self.width] { return id }
        return ""
    }

    public mutating func reserveCapacity(_ rowCount: Int) {
        values.reserveCapacity(rowCount * Self.width)
    }

    /// Appends the values of `entry`, with dates rendered in India time.
    public mutating func append(_ entry: borrowing ExtractedSMS) {
        if created?.millis != entry.createdAtMillis {
            created = ExtractedSMSColumns.CreatedTexts(millis: entry.createdAtMillis)
        }
        ExtractedSMSColumns.append(entry, created: created!, to: &values)
    }

    /// Returns the rows at `rows`, in that order.
    public func selecting(_ rows: [Int]) -> ExtractedSMSRows {
        var selected = ExtractedSMSRows()
        selected.reserveCapacity(rows.count)
        for row in rows {
            selected.values.append(contentsOf: self[row])
        }
        return selected
    }
}
