/// The layout of documents in an input file. Each document is a sync request or a single SMS.
public enum SMSInputFormat: String, Sendable, Equatable {
    /// One JSON object per line: `mongoexport` output or JSON Lines of single SMS.
    case jsonLines = "json-lines"
    /// One JSON array of objects: `mongoexport --jsonArray` output or an array of single SMS.
    case jsonArray = "json-array"
    /// Length-prefixed BSON documents, as `mongodump` writes them.
    case bson

    /// Detects the format from the extension and the first bytes of the file.
    ///
    /// A `.bson` extension decides on its own. Otherwise the first non-space byte (after an optional
    /// UTF-8 byte order mark) must be `{` or `[`, or the first four bytes must be a plausible BSON
    /// length. An empty file counts as JSON Lines with no records.
    static func detect(file: InputFile, path: String) throws -> SMSInputFormat {
        if path.lowercased().hasSuffix(".bson") { return .bson }
        let head = try file.readBytes(at: 0, length: 4096)
        var index = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) {
            index += 1
        }
        if index == head.count && file.size <= Int64(head.count) { return .jsonLines }
        if index < head.count {
            if head[index] == UInt8(ascii: "{") { return .jsonLines }
            if head[index] == UInt8(ascii: "[") { return .jsonArray }
        }
        if head.count >= 5 {
            let length = Int64(head[0]) | Int64(head[1]) << 8 | Int64(head[2]) << 16 | Int64(head[3]) << 24
            if length >= 5 && length <= file.size && head[4] != 0 { return .bson }
        }
        if head.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            throw SMSInputError.unknownFormat(
                path: file.displayName,
                detail: "it is a SQLite database, which only features mode reads (run without --sms)")
        }
        let firstByteText = index < head.count ? "0x" + String(head[index], radix: 16, uppercase: true) : "nothing"
        throw SMSInputError.unknownFormat(path: file.displayName, detail: "the first byte is \(firstByteText)")
    }
}
