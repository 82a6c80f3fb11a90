import Foundation
import Testing
@testable import CredeauKit

/// A dump file that Windows tools wrote starts with a UTF-8 byte order mark, which `extract` skips.
@Suite struct DumpReaderByteOrderMarkTests {
    static let lines = #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_id": "1", "sms_body": "b"}]}"# + "\n"
        + #"{"client_id": "c1", "user_id": "u2", "created_at": {"$date": "2026-03-18T06:30:00Z"}, "sms": []}"# + "\n"
    static let array = "[\n" + lines.split(separator: "\n").joined(separator: ",\n") + "\n]\n"
    /// A `$date` text that libbson does not read, so the reader reads a rewritten copy.
    static let offsetDate = lines.replacingOccurrences(of: "06:30:00Z", with: "12:00:00+05:30")

    /// Returns the documents read from a dump file containing `text`.
    private func documents(_ text: String) throws -> [BSONBytes] {
        let path = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json", text)
        return try DumpReader.documents(atPath: path)
    }

    @Test(arguments: [lines, array, offsetDate, lines.replacingOccurrences(of: "\n", with: "\r\n")])
    func markedFileLoadsAsUnmarked(text: String) throws {
        let plain = try documents(text)

        #expect(plain.count == 2)
        #expect(try documents("\u{FEFF}" + text) == plain)
    }

    @Test func errorAfterMarkNamesDocument() throws {
        let text = "\u{FEFF}" + Self.lines + #"{"client_id": "c1", "user_id": "u3", "sms": [}"# + "\n"

        do {
            _ = try documents(text)
            Issue.record("a document that does not parse was loaded")
        } catch let error as DumpLoadError {
            #expect(error.description.contains("document 3"), "\(error)")
        }
    }

    /// Files joined with `cat` keep the mark of each file, so a mark may start any line.
    @Test(arguments: [("", 2), ("\u{FEFF}", 2), ("", 3)])
    func markInsideFileNamesItsLine(start: String, line: Int) throws {
        var rows = Self.lines.split(separator: "\n").map(String.init) + [#"{"client_id": "c1", "user_id": "u3", "sms": []}"#]
        rows[line - 1] = "\u{FEFF}" + rows[line - 1]

        let message = try loadError(start + rows.joined(separator: "\n") + "\n")
        #expect(message.contains("sms_sync_request_sms_data.json' line \(line): the line starts with a UTF-8 "
            + "byte order mark, which only the start of a file may carry."), "\(message)")
    }

    @Test func earlierErrorKeepsItsDocument() throws {
        let message = try loadError(#"{"client_id": "c1", "sms": [}"# + "\n\u{FEFF}" + Self.lines)

        #expect(message.contains("Invalid document 1"), "\(message)")
        #expect(!message.contains("byte order mark"), "\(message)")
    }

    /// Returns the message of the error that reading a dump file containing `text` throws.
    private func loadError(_ text: String) throws -> String {
        do {
            _ = try documents(text)
        } catch let error as DumpLoadError {
            return error.description
        }
        Issue.record("the file was read without error")
        return ""
    }
}
