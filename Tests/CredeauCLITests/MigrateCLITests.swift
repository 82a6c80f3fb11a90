import CredeauKit
import Foundation
import Testing

/// `credeau migrate` run as a user would: exit statuses and messages.
@Suite struct MigrateCLITests {
    private typealias Support = CLITestSupport

    @Test func newerVersionListedAndWarned() throws {
        let path = try Support.makeTemporaryDirectory().appendingPathComponent("credeau.db").path
        #expect(try Support.run(["migrate", "--sqlite", path]).status == 0)
        let database = try SQLiteDatabase(path: path)
        try database.query("INSERT INTO credeau_schema_migrations (schema_name, version, name) VALUES (?, 5, ?)",
                           [.text("api_insights_db"), .text("from a newer credeau")])

        let status = try Support.run(["migrate", "--sqlite", path, "--status"])
        #expect(status.status == 0)
        #expect(status.stdoutLines.contains("  applied by a newer credeau: 5"), "\(status.stdout)")

        let migrate = try Support.run(["migrate", "--sqlite", path])
        #expect(migrate.status == 0)
        #expect(migrate.stderrLines.count == 1, "\(migrate.stderr)")
        #expect(migrate.stderr.contains(" warning credeau.migrate: SQLite \(path) (api_insights_db) has migrations "
            + "applied by a newer credeau: 5."), "\(migrate.stderr)")
    }
}
