import CredeauKit
import Foundation
import Testing

@Suite struct EnvironmentFileTests {
    @Test(arguments: [
        ("KEY=value", "value"),
        ("KEY = spaced value  ", "spaced value"),
        ("export KEY=exported", "exported"),
        ("KEY='single # not a comment'", "single # not a comment"),
        ("KEY=\"double \\\"quoted\\\"\\nline\"", "double \"quoted\"\nline"),
        ("KEY=plain # trailing comment", "plain"),
        ("KEY=pa#ss", "pa#ss"),
        ("KEY=", ""),
        ("KEY=postgres://u:p@h:5432/db?sslmode=require", "postgres://u:p@h:5432/db?sslmode=require"),
    ])
    func valueParsing(line: String, expected: String) throws {
        let file = try EnvironmentFile(text: line)
        #expect(file.values["KEY"] == expected)
    }

    @Test func commentsAndBlankLinesSkipped() throws {
        let file = try EnvironmentFile(text: "# header\n\n   # indented comment\r\nA=1\r\nB=2\n")
        #expect(file.values == ["A": "1", "B": "2"])
    }

    @Test func processEnvironmentWins() throws {
        let file = try EnvironmentFile(text: "DI_POSTGRES_HOST=from-file\nDI_POSTGRES_PORT=5432")
        let merged = file.merged(under: ["DI_POSTGRES_HOST": "from-process"])
        #expect(merged["DI_POSTGRES_HOST"] == "from-process")
        #expect(merged["DI_POSTGRES_PORT"] == "5432")
    }

    @Test(arguments: ["no equals sign", "1KEY=value", "KEY='unclosed", "KEY=\"unclosed"])
    func invalidLineRejected(line: String) {
        #expect(throws: EnvironmentFileError.self) { try EnvironmentFile(text: "OK=1\n" + line) }
    }

    @Test func invalidLineNamesLineNumber() {
        do {
            _ = try EnvironmentFile(text: "A=1\nbroken", path: "prod.env")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("line 2"))
            #expect("\(error)".contains("prod.env"))
        }
    }

    @Test func missingFileReported() throws {
        let error = try #require(throws: EnvironmentFileError.self) { try EnvironmentFile(path: "/nonexistent/credeau.env") }
        #expect(error.description == "Environment file '/nonexistent/credeau.env' not found. Check the path given to --env-file")
    }

    @Test func directoryReported() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let error = try #require(throws: EnvironmentFileError.self) { try EnvironmentFile(path: folder) }
        #expect(error.description == "Environment file '\(folder)' is a directory. Check the path given to --env-file")
    }

    @Test func invalidUTF8Reported() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-\(UUID().uuidString).env").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x41, 0x3D, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))

        let error = try #require(throws: EnvironmentFileError.self) { try EnvironmentFile(path: path) }
        #expect(error.description == "Environment file '\(path)' is not valid UTF-8 text. Check the path given to --env-file")
    }
}
