import Foundation

/// One data row of a catalogue table: its 1-based line number and its trimmed columns.
struct CatalogRow {
    var lineNumber: Int
    var columns: [String]
}

/// Splits the tab-separated tables that every catalogue ships as data.
///
/// Lines end in `\n`, `\r\n` or `\r`. Blank lines and lines starting with `#` are comments. Each
/// remaining line must have between `minimumColumns` and `maximumColumns` columns, and the first
/// `minimumColumns` of them must be non-empty.
enum CatalogTSV {
    static func rows(
        _ text: String, origin: String, minimumColumns: Int, maximumColumns: Int
    ) throws(CatalogError) -> [CatalogRow] {
        var rows: [CatalogRow] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }

            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
                .map { String($0.trimmingSpaces()) }
            guard columns.count >= minimumColumns, columns.count <= maximumColumns else {
                let expected = minimumColumns == maximumColumns
                    ? "\(minimumColumns)" : "\(minimumColumns) to \(maximumColumns)"
                throw .invalidLine(
                    origin: origin, line: lineNumber,
                    reason: "expected \(expected) tab-separated columns, found \(columns.count)")
            }
            if let empty = columns.prefix(minimumColumns).firstIndex(where: \.isEmpty) {
                throw .invalidLine(origin: origin, line: lineNumber, reason: "column \(empty + 1) is empty")
            }
            rows.append(CatalogRow(lineNumber: lineNumber, columns: columns))
        }
        return rows
    }
}

/// Failure to load a catalogue table (apps, device prices, keywords) or an override file.
public enum CatalogError: CredeauError, Equatable {
    case invalidLine(origin: String, line: Int, reason: String)
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidLine(origin, line, reason):
            return "Invalid catalogue table '\(origin)' line \(line): \(reason); fix or remove that line"
        case let .unreadableFile(path, reason):
            return "Cannot read catalogue file '\(path)': \(reason); check the path and its permissions"
        }
    }

    /// A bad override file is an operator's input error, so the CLI reports it as a usage error.
    public var exitCode: Int32 { ExitStatus.usage }
}

extension CatalogTSV {
    /// Reads a whole UTF-8 text file, for override tables given by path.
    static func readFile(atPath path: String) throws(CatalogError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
    }
}
