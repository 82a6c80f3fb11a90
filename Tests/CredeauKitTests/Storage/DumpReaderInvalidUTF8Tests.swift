import Foundation
import Testing
@testable import CredeauKit

/// Text that is not valid UTF-8 stops `migrate --load` with its line, field and list element.
@Suite struct DumpReaderInvalidUTF8Tests {
    /// Returns the message of the error that reading a dump file of `lines` throws, with the byte
    /// 0x01 in them replaced by 0xFF.
    private func loadError(_ lines: [String]) throws -> String {
        var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        bytes[try #require(bytes.firstIndex(of: 0x01))] = 0xFF
        let path = try IOTestSupport.makeTemporaryFolder() + "/sms_sync_request_sms_data.json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try DumpReader.documents(atPath: path)
        } catch let error as DumpLoadError {
            return error.description
        }
        Issue.record("the file was read without error")
        return ""
    }

    @Test func invalidBodyNamesLineAndElement() throws {
        let message = try loadError([
            #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_id": "1", "sms_body": "a"}]}"#,
            #"{"client_id": "c1", "user_id": "u2", "sms": [{"sms_id": "2", "sms_body": "b"}, "#
                + #"{"sms_id": "3", "sms_body": "c\#u{1}"}]}"#,
        ])

        #expect(message.hasSuffix("sms_sync_request_sms_data.json' line 2, field 'sms_body': invalid UTF-8 text "
            + "in element 2 of 'sms'. Save the file as UTF-8"), "\(message)")
    }

    @Test func invalidHeaderNamesItsField() throws {
        let message = try loadError([#"{"client_id": "c1", "user_id": "u\#u{1}", "sms": []}"#])

        #expect(message.hasSuffix("line 1, field 'user_id': invalid UTF-8 text. Save the file as UTF-8"), "\(message)")
    }

    @Test func earlierErrorKeepsItsDocument() throws {
        let message = try loadError([#"{"client_id": "c1", "sms": [}"#, #"{"client_id": "c\#u{1}"}"#])

        #expect(message.contains("Invalid document 1"), "\(message)")
        #expect(!message.contains("UTF-8"), "\(message)")
    }
}
