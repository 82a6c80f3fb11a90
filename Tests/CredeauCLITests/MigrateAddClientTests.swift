import Foundation
import Testing

/// `migrate --add-client` rejects names and emails before it touches any database.
@Suite struct MigrateAddClientTests {
    private typealias Support = CLITestSupport

    @Test(arguments: [
        (["--add-client", "acme\nbank"], "Error: Invalid client name 'acme\\u{a}bank': character 5 is the control character U+000A"),
        (["--add-client", "  "], "Error: Invalid client name '  ': character 1 is a space"),
        (["--add-client", "acme", "--email", "notanemail"],
         "Error: Invalid email 'notanemail': expected one '@' between a name and a domain, such as ops@lender.in"),
    ])
    func invalidValueExitsTwo(extra: [String], message: String) throws {
        let database = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        let result = try Support.run(["migrate", "--sqlite", database] + extra)

        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix(message) == true, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func validNameIsAdded() throws {
        let database = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        let result = try Support.run(["migrate", "--sqlite", database, "--add-client", "acme_bank-2", "--email", "ops@acme.in"])

        #expect(result.status == 0)
        #expect(result.stdout.contains("acme_bank-2"))
    }
}
