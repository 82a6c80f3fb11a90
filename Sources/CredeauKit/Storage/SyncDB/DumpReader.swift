import CBSON
import Foundation

/// Reads the documents of one dump file with libbson: a mongodump `.bson` file, or a mongoexport
/// `.json` file holding one Extended JSON document per line or a JSON array (`--jsonArray`).
enum DumpReader {
    static func documents(atPath path: String) throws -> [BSONBytes] {
        if path.hasSuffix(".bson") { return try bsonDocuments(atPath: path) }
        try rejectOversizedIntegers(atPath: path)
        try rejectInvalidDates(atPath: path)
        if try startsWithArray(path) { return try arrayDocuments(atPath: path) }
        // libbson reads a UTF-8 byte order mark, which Windows editors write, as a value, so such
        // a file is read without it.
        let marked = try startsWithByteOrderMark(path)
        do {
            return try marked ? jsonLineDocuments(in: textWithoutByteOrderMark(atPath: path), path: path)
                : jsonLineDocuments(atPath: path)
        } catch {
            if let bytes = try? textWithoutByteOrderMark(atPath: path),
               let problem = byteOrderMarkProblem(in: bytes, path: path) ?? invalidUTF8Problem(in: bytes, path: path) {
                throw problem
            }
            // libbson reads fewer `$date` texts than credeau ("…+05:30", "2026-03-03"). Such dates
            // are read as epoch milliseconds. rejectInvalidDates has already reported any that is no date.
            guard let bytes = try? textWithoutByteOrderMark(atPath: path) else { throw error }
            guard let rewritten = ExtendedJSONDateCheck.rewritingDateTexts(in: bytes),
                  let documents = try? jsonLineDocuments(in: rewritten, path: path)
            else { throw error }
            return documents
        }
    }

    private static func bsonDocuments(atPath path: String) throws -> [BSONBytes] {
        var error = bson_error_t()
        guard let reader = bson_reader_new_from_file(path, &error) else {
            throw DumpLoadError.unreadable(path: path, message: BSONError.message(of: error))
        }
        defer { bson_reader_destroy(reader) }
        var documents: [BSONBytes] = []
        var reachedEnd = false
        while let document = bson_reader_read(reader, &reachedEnd) {
            documents.append(BSONBytes(copying: document))
        }
        // libbson reports the end of the file when the last document is cut short too, so the
        // bytes read are compared with the file's size.
        let read = Int64(bson_reader_tell(reader))
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? read
        guard reachedEnd, read == size else {
            let tail = size > read ? ": the last \(size - read) bytes do not form a whole document" : ""
            throw DumpLoadError.invalidDocument(path: path, index: documents.count + 1,
                                                message: "truncated or corrupt BSON after document \(documents.count)\(tail)")
        }
        return documents
    }

    /// Rejects a `$date` that names no real day (`2026-02-30`) before libbson reads it, because
    /// libbson rolls such a day over into the next month where `extract` rejects it.
    private static func rejectInvalidDates(atPath path: String) throws {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return }
        try data.withUnsafeBytes { bytes in
            guard let date = ExtendedJSONDateCheck.firstInvalid(in: bytes) else { return }
            let line = 1 + bytes[..<date.offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw DumpLoadError.invalidValue(path: path, line: line, field: date.key, message: date.reason)
        }
    }

    private static func jsonLineDocuments(atPath path: String) throws -> [BSONBytes] {
        var error = bson_error_t()
        guard let reader = bson_json_reader_new_from_file(path, &error) else {
            throw DumpLoadError.unreadable(path: path, message: BSONError.message(of: error))
        }
        defer { bson_json_reader_destroy(reader) }
        return try jsonLineDocuments(from: reader, path: path)
    }

    /// Reads the documents of a file's text held in memory, as `jsonLineDocuments(atPath:)` reads the file.
    private static func jsonLineDocuments(in text: [UInt8], path: String) throws -> [BSONBytes] {
        guard let reader = bson_json_data_reader_new(true, max(text.count, 1)) else {
            throw DumpLoadError.unreadable(path: path, message: "failed to create a JSON reader: out of memory")
        }
        defer { bson_json_reader_destroy(reader) }
        text.withUnsafeBufferPointer { bson_json_data_reader_ingest(reader, $0.baseAddress, $0.count) }
        return try jsonLineDocuments(from: reader, path: path)
    }

    private static func jsonLineDocuments(from reader: OpaquePointer, path: String) throws -> [BSONBytes] {
        var error = bson_error_t()
        guard let document = bson_new() else { return [] }
        defer { bson_destroy(document) }
        var documents: [BSONBytes] = []
        while true {
            bson_reinit(document)
            let status = bson_json_reader_read(reader, document, &error)
            if status == 0 { break }
            guard status > 0 else {
                let message = BSONError.message(of: error)
                throw DumpLoadError.invalidDocument(path: path, index: documents.count + 1,
                                                    message: JSONParser.plainParseError(message) ?? message)
            }
            documents.append(BSONBytes(copying: document))
        }
        return documents
    }

    /// Returns the error for a UTF-8 byte order mark at the start of a later line (files joined with
    /// `cat`) when the text before it reads. libbson would name the document before the mark.
    private static func byteOrderMarkProblem(in text: [UInt8], path: String) -> DumpLoadError? {
        var line = 1
        for index in text.indices where text[index] == 0x0A {
            line += 1
            guard text[(index + 1)...].starts(with: byteOrderMark) else { continue }
            guard (try? jsonLineDocuments(in: Array(text[...index]), path: path)) != nil else { return nil }
            return .invalidValue(path: path, line: line, field: nil, message: "the line starts with a UTF-8 byte "
                                 + "order mark, which only the start of a file may carry. Remove it, or save each "
                                 + "file without one before joining them")
        }
        return nil
    }

    /// Returns the error for the first invalid UTF-8 text when the lines before it read, naming its
    /// line, its field and the list element that contains it. libbson names none of them.
    private static func invalidUTF8Problem(in text: [UInt8], path: String) -> DumpLoadError? {
        guard let offset = text.withUnsafeBytes({ JSONKeyLocator.firstInvalidUTF8Offset($0) }) else { return nil }
        let start = text[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let end = text[offset...].firstIndex(of: 0x0A) ?? text.count
        guard start == 0 || (try? jsonLineDocuments(in: Array(text[..<start]), path: path)) != nil else { return nil }

        let line = 1 + text[..<start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let site = Array(text[start..<end]).withUnsafeBytes { InvalidUTF8Mender.mend($0)?.sites.first }
        var element = ""
        if let site, let index = site.element { element = " in element \(index) of '\(site.memberKey)'" }
        return .invalidValue(path: path, line: line, field: site.map(\.fieldName),
                             message: "invalid UTF-8 text\(element). Save the file as UTF-8")
    }

    /// Parses a `--jsonArray` export by wrapping it in a document and taking the array's elements.
    private static func arrayDocuments(atPath path: String) throws -> [BSONBytes] {
        guard let text = String(validating: try textWithoutByteOrderMark(atPath: path), as: UTF8.self) else {
            throw DumpLoadError.unreadable(path: path, message: "not readable UTF-8 text")
        }
        let prefix = "{\"documents\": "
        let wrapper: BSONBytes
        do {
            wrapper = try BSONBytes(json: prefix + text + "}")
        } catch let BSONError.invalidJSON(message, _) {
            // A position in the message becomes a line of the file, and a message without one
            // ("Incomplete JSON") means the text ended early, at its last line. The wrapper, which
            // the file does not contain, is not quoted.
            let end = position(in: message).map { max(0, $0 - prefix.utf8.count) } ?? text.utf8.count
            let line = 1 + text.utf8.prefix(end).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            // An error at or past the end of the text is at the wrapper's closing brace.
            let reason = end >= text.utf8.count ? "the text ends before the array closes" : message
            throw DumpLoadError.invalidValue(path: path, line: line, field: nil,
                                             message: "the JSON array does not parse: " + reason)
        }
        return try wrapper.arrayElements("documents")
    }

    /// Returns the byte position that a libbson JSON error message names ("… position 4526 …").
    private static func position(in message: String) -> Int? {
        guard let start = message.range(of: "position ", options: .backwards) else { return nil }
        return Int(message[start.upperBound...].prefix { $0.isNumber })
    }

    /// Scans the whole file first, because libbson's JSON reader wraps integers beyond Int64.
    private static func rejectOversizedIntegers(atPath path: String) throws {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw DumpLoadError.unreadable(path: path, message: "file not found or not readable")
        }
        let oversized = data.withUnsafeBytes { JSONIntegerRange.firstOversized(in: $0) }
        guard let oversized else { return }
        let isSMSFile = (path as NSString).lastPathComponent.hasPrefix(SyncCollection.sms + ".")
        throw DumpLoadError.invalidValue(path: path, line: oversized.line, field: oversized.key, message: oversized.reason,
                                         smsIndex: isSMSFile ? oversized.smsIndex : nil)
    }

    /// Returns the bytes of the file without the UTF-8 byte order mark it may start with.
    private static func textWithoutByteOrderMark(atPath path: String) throws -> [UInt8] {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw DumpLoadError.unreadable(path: path, message: "file not found or not readable")
        }
        return [UInt8](data.starts(with: byteOrderMark) ? data.dropFirst(byteOrderMark.count) : data[...])
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private static func startsWithByteOrderMark(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DumpLoadError.unreadable(path: path, message: "file not found or not readable")
        }
        defer { try? handle.close() }
        return ((try? handle.read(upToCount: byteOrderMark.count)) ?? Data()).elementsEqual(byteOrderMark)
    }

    private static func startsWithArray(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DumpLoadError.unreadable(path: path, message: "file not found or not readable")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return head.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB
            || $0 == 0xBF) } == UInt8(ascii: "[")
    }
}
