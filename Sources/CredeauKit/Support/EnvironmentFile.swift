import Foundation

/// Failure to read a `.env` file.
public enum EnvironmentFileError: CredeauError {
    case unreadable(path: String, reason: String)
    case invalidLine(path: String, line: Int, text: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "Environment file '\(path)' \(reason). Check the path given to --env-file"
        case let .invalidLine(path, line, text):
            return "Invalid line \(line) in environment file '\(path)': '\(text)'. Expected KEY=VALUE"
        }
    }

    public var exitCode: Int32 { ExitStatus.usage }
}

/// A `.env` file of `KEY=VALUE` lines, as operators keep them beside their containers.
///
/// Accepted syntax: blank lines and `#` comments, an optional `export ` prefix, values in single
/// quotes (taken literally) or double quotes (with `\n`, `\t`, `\"` and `\\` escapes), and unquoted
/// values that end at ` #` (an inline comment) with surrounding spaces trimmed.
public struct EnvironmentFile: Sendable, Equatable {
    /// Variables in file order; a key given twice keeps its last value.
    public private(set) var values: [String: String] = [:]

    /// Parses `text`; `path` only names the file in errors.
    public init(text: String, path: String = "<text>") throws {
        var lineNumber = 0
        // Swift reads "\r\n" as one Character, which `isNewline` covers along with "\n".
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") {
                line = line.dropFirst("export ".count).drop(while: { $0 == " " })
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw EnvironmentFileError.invalidLine(path: path, line: lineNumber, text: String(rawLine))
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard Self.isValidKey(key) else {
                throw EnvironmentFileError.invalidLine(path: path, line: lineNumber, text: String(rawLine))
            }
            let rest = line[line.index(after: equals)...].drop(while: { $0 == " " || $0 == "\t" })
            guard let value = Self.parseValue(rest) else {
                throw EnvironmentFileError.invalidLine(path: path, line: lineNumber, text: String(rawLine))
            }
            values[key] = value
        }
    }

    /// Reads and parses the file at `path`.
    public init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw EnvironmentFileError.unreadable(path: path, reason: UnreadableFile.reason(path: path))
        }
        try self.init(text: text, path: path)
    }

    /// Returns the file's variables overlaid by `environment`, because the process environment wins.
    public func merged(under environment: [String: String]) -> [String: String] {
        values.merging(environment) { _, processValue in processValue }
    }

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "." || ($0.isASCII && $0.properties.isAlphabetic)
            || ("0"..."9").contains($0) }
    }

    /// Returns the value after `=`, or nil when a quote is not closed.
    private static func parseValue(_ text: Substring) -> String? {
        if text.hasPrefix("'") {
            let body = text.dropFirst()
            guard let close = body.firstIndex(of: "'") else { return nil }
            return String(body[..<close])
        }
        if text.hasPrefix("\"") {
            var result = ""
            var escaping = false
            for character in text.dropFirst() {
                if escaping {
                    switch character {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    default: result.append(character)
                    }
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else if character == "\"" {
                    return result
                } else {
                    result.append(character)
                }
            }
            return nil
        }
        var value = text
        if let comment = value.range(of: " #") ?? value.range(of: "\t#") {
            value = value[..<comment.lowerBound]
        }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
