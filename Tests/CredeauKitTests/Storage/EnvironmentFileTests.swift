import CredeauKit
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

    @Test func missingFileReported() {
        #expect(throws: EnvironmentFileError.self) { try EnvironmentFile(path: "/nonexistent/credeau.env") }
    }
}
