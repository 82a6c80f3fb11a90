/// Receives one row of features per user, in output order, and writes them somewhere.
public protocol FeatureRowWriter: AnyObject {
    func write(clientID: String, userID: String, values: [FeatureValue]) throws
    /// Flushes and closes the output; no writes may follow.
    func finish() throws
}

/// Builds the writer of feature rows for an output path and format.
public enum FeatureOutput {
    /// The id columns that come before the features in every format.
    public static let idColumns = ["client_id", "user_id"]

    /// Opens `path` (`-` for standard output) and returns a writer; an existing file is replaced.
    public static func makeWriter(path: String, format: ExtractOutputFormat, names: [String]) throws
        -> any FeatureRowWriter
    {
        if path == ExtractOutput.discardPath {
            return FeatureJSONLinesWriter(output: try ByteOutput(path: path), names: names)
        }
        switch format {
        case .jsonl:
            return FeatureJSONLinesWriter(output: try ByteOutput(path: path), names: names)
        case .csv:
            return try FeatureCSVWriter(output: try ByteOutput(path: path), names: names)
        case .sqlite:
            guard path != "-" else { throw ExtractOutputError.sqliteNeedsFile }
            return try FeatureSQLiteWriter(path: path, names: names)
        }
    }

    /// Appends a value as JSON: null, an integer, a number in its shortest round-trip form (NaN and
    /// infinity as null) or a string.
    static func appendJSON(_ value: FeatureValue, to buffer: inout [UInt8]) {
        switch value {
        case .null:
            buffer.append(contentsOf: "null".utf8)
        case let .integer(number):
            buffer.append(contentsOf: String(number).utf8)
        case let .double(number):
            guard number.isFinite else { return buffer.append(contentsOf: "null".utf8) }
            buffer.append(contentsOf: number.description.utf8)
        case let .string(text):
            JSONText.appendString(text, to: &buffer)
        }
    }
}

/// Encodes feature values as the members of a JSON object, with every key pre-encoded.
struct FeatureObjectEncoder: Sendable {
    /// Each key encoded as `"name":`.
    private let keys: [[UInt8]]

    init(names: [String]) {
        keys = names.map { name in
            var key: [UInt8] = []
            JSONText.appendString(name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
    }

    /// Appends `"name":value` pairs separated by commas, with a comma first when `afterMember`.
    func appendMembers(_ values: [FeatureValue], to buffer: inout [UInt8], afterMember: Bool) {
        for (index, (key, value)) in zip(keys, values).enumerated() {
            if index > 0 || afterMember { buffer.append(UInt8(ascii: ",")) }
            buffer.append(contentsOf: key)
            FeatureOutput.appendJSON(value, to: &buffer)
        }
    }
}

/// Writes one JSON object per user: `client_id`, `user_id`, then each feature in column order.
final class FeatureJSONLinesWriter: FeatureRowWriter {
    private let output: ByteOutput
    private let encoder: FeatureObjectEncoder

    init(output: ByteOutput, names: [String]) {
        self.output = output
        encoder = FeatureObjectEncoder(names: names)
    }

    func write(clientID: String, userID: String, values: [FeatureValue]) throws {
        try output.append { buffer in
            buffer.append(contentsOf: #"{"client_id":"#.utf8)
            JSONText.appendString(clientID, to: &buffer)
            buffer.append(contentsOf: #","user_id":"#.utf8)
            JSONText.appendString(userID, to: &buffer)
            encoder.appendMembers(values, to: &buffer, afterMember: true)
            buffer.append(contentsOf: "}\n".utf8)
        }
    }

    func finish() throws {
        try output.finish()
    }
}

/// Writes RFC 4180 CSV with a header row: `client_id`, `user_id`, then one column per feature.
/// Null is an empty field, and an empty string is `""`, as in `credeau extract --sms`.
final class FeatureCSVWriter: FeatureRowWriter {
    private let output: ByteOutput

    init(output: ByteOutput, names: [String]) throws {
        self.output = output
        try output.append { buffer in
            for (index, name) in (FeatureOutput.idColumns + names).enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                CSVWriter.appendField(name, to: &buffer)
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
        }
    }

    func write(clientID: String, userID: String, values: [FeatureValue]) throws {
        try output.append { buffer in
            CSVWriter.appendField(clientID, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            CSVWriter.appendField(userID, to: &buffer)
            for value in values {
                buffer.append(UInt8(ascii: ","))
                switch value {
                case .null:
                    break
                case let .double(number) where !number.isFinite:
                    break
                case let .string(text):
                    CSVWriter.appendField(text, to: &buffer)
                case .integer, .double:
                    FeatureOutput.appendJSON(value, to: &buffer)
                }
            }
            buffer.append(contentsOf: [0x0D, 0x0A])
        }
    }

    func finish() throws {
        try output.finish()
    }
}
