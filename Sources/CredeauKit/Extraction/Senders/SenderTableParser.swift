/// Parses the tab-separated header and alias tables into validated rows.
///
/// Both tables have four columns per data line, and extra columns are ignored. Blank lines and
/// lines starting with `#` are skipped. Line numbers in errors count every line from 1.
enum SenderTableParser {
    /// One data line split into its trimmed columns.
    struct Row {
        let line: Int
        let columns: [String]
    }

    /// An alias in matching form together with the institution it names.
    struct Alias {
        let text: String
        let info: SenderInfo
    }

    /// Splits `tsv` into data rows. `firstColumn` names the first column in errors (`header`, `alias`).
    static func rows(of tsv: String, origin: String, firstColumn: String) throws -> [Row] {
        var rows: [Row] = []
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }

            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
                .map { String($0.trimmingSpaces()) }
            guard columns.count >= 4 else {
                throw SenderTableError.invalidLine(
                    origin: origin, line: lineNumber, problem: .missingColumns(found: columns.count))
            }
            let columnNames = [firstColumn, "institution", "type", "source"]
            for (index, name) in columnNames.enumerated() where columns[index].isEmpty {
                throw SenderTableError.invalidLine(origin: origin, line: lineNumber, problem: .emptyField(column: name))
            }
            rows.append(Row(line: lineNumber, columns: columns))
        }
        return rows
    }

    /// Parses the header table: `header`, `institution`, `type`, `source`. The result keeps table order.
    static func headers(from tsv: String, origin: String) throws -> [SenderInfo] {
        var infos: [SenderInfo] = []
        var firstLineOfHeader: [String: Int] = [:]
        for row in try rows(of: tsv, origin: origin, firstColumn: "header") {
            let header = row.columns[0].uppercased()
            guard header.utf8.allSatisfy({ isASCIIAlphanumeric($0) }) else {
                throw SenderTableError.invalidLine(
                    origin: origin, line: row.line, problem: .invalidHeader(row.columns[0]))
            }
            if let firstLine = firstLineOfHeader[header] {
                throw SenderTableError.invalidLine(
                    origin: origin, line: row.line, problem: .duplicateHeader(header, firstLine: firstLine))
            }
            let type = try senderType(row, origin: origin)
            firstLineOfHeader[header] = row.line
            let name = row.columns[1].lowercased()
            infos.append(SenderInfo(header: header, name: name, type: type, source: row.columns[3]))
        }
        return infos
    }

    /// Parses the alias table: `alias`, `institution`, `type`, `source`.
    ///
    /// An alias resolves to the first header row with the same institution and type, so a body match
    /// reports exactly what that header would. An institution that no header row names is allowed,
    /// because many lenders' headers have no public record. Its alias gets an empty header and the
    /// alias row's own source. An institution that the header table names with other types only is
    /// rejected.
    static func aliases(from tsv: String, origin: String, headers: [SenderInfo]) throws -> [Alias] {
        var canonicalInfo: [String: SenderInfo] = [:]
        var typesOfInstitution: [String: [String]] = [:]
        for info in headers {
            let key = info.name + "\t" + info.type.rawValue
            if canonicalInfo[key] == nil { canonicalInfo[key] = info }
            if !(typesOfInstitution[info.name]?.contains(info.type.rawValue) ?? false) {
                typesOfInstitution[info.name, default: []].append(info.type.rawValue)
            }
        }

        var aliases: [Alias] = []
        var firstLineOfAlias: [String: Int] = [:]
        for row in try rows(of: tsv, origin: origin, firstColumn: "alias") {
            guard let text = matchingForm(of: row.columns[0]) else {
                throw SenderTableError.invalidLine(
                    origin: origin, line: row.line, problem: .invalidAlias(row.columns[0]))
            }
            if let firstLine = firstLineOfAlias[text] {
                throw SenderTableError.invalidLine(
                    origin: origin, line: row.line, problem: .duplicateAlias(text, firstLine: firstLine))
            }
            let name = row.columns[1].lowercased()
            let type = try senderType(row, origin: origin)
            firstLineOfAlias[text] = row.line

            if let info = canonicalInfo[name + "\t" + type.rawValue] {
                aliases.append(Alias(text: text, info: info))
            } else if let headerTypes = typesOfInstitution[name] {
                let problem = SenderTableProblem.aliasTypeMismatch(
                    alias: text, institution: name, type: type.rawValue, headerTypes: headerTypes)
                throw SenderTableError.invalidLine(origin: origin, line: row.line, problem: problem)
            } else {
                let info = SenderInfo(header: "", name: name, type: type, source: row.columns[3])
                aliases.append(Alias(text: text, info: info))
            }
        }
        return aliases
    }

    /// Lower-cases an alias, turns each run of whitespace into one space and drops whitespace next to
    /// punctuation, because the matcher already lets punctuation stand with or without spaces around it
    /// (`l & t` and `l&t`). Returns nil for non-ASCII aliases, aliases under 3 bytes and aliases
    /// without a letter or digit, which would match far too often.
    static func matchingForm(of alias: String) -> String? {
        var bytes: [UInt8] = []
        var pendingSpace = false
        for byte in alias.utf8 {
            guard byte < 0x80 else { return nil }
            if isASCIISpace(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            let lowered = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if pendingSpace, let last = bytes.last, isASCIIAlphanumeric(last), isASCIIAlphanumeric(lowered) {
                bytes.append(0x20)
            }
            pendingSpace = false
            bytes.append(lowered)
        }
        guard bytes.count >= 3, bytes.contains(where: isASCIIAlphanumeric) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func senderType(_ row: Row, origin: String) throws -> SenderType {
        guard let type = SenderType(rawValue: row.columns[2].lowercased()) else {
            throw SenderTableError.invalidLine(origin: origin, line: row.line, problem: .unknownType(row.columns[2]))
        }
        return type
    }
}

@inline(__always)
func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
}

@inline(__always)
func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}
