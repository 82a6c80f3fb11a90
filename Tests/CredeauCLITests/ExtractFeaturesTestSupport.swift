import CredeauKit
import Foundation

/// Helpers for the tests of `credeau extract` without `--sms`.
enum FeaturesTestSupport {
    /// Every catalogue feature in output order: the expected columns after the two id columns.
    static let catalogueNames = FeatureCatalog.standard.names(of: Set(FeatureGrouping.allCases))

    /// A cutoff after every fixture SMS, so outputs do not depend on the day the tests run.
    static let fixtureCutoff = "2026-04-30"

    /// Parses JSON Lines output into objects that keep their key order.
    static func rows(_ text: String) throws -> [JSONValue] {
        try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    static func keys(of row: JSONValue) -> [String] {
        guard case let .object(members) = row else { return [] }
        return members.map(\.0)
    }

    static func userIDs(_ rows: [JSONValue]) -> [String] {
        rows.compactMap { $0["user_id"]?.stringValue }
    }

    /// Runs `credeau extract` on the shipped JSON dump with a fixed cutoff, writing JSON Lines to
    /// standard output, plus `extra` arguments.
    static func extractFixture(_ extra: [String], output: String = "-") throws -> CommandResult {
        try CLITestSupport.runInPackageRoot(
            ["extract", "--input", "fixtures/sync_db", "--output", output, "--cutoff-date", fixtureCutoff] + extra)
    }

    /// Copies the shipped JSON dump into a new folder and returns the folder, so a test can break a file.
    static func copyOfFixtureDump() throws -> URL {
        let folder = try CLITestSupport.makeTemporaryDirectory().appendingPathComponent("dump")
        try FileManager.default.copyItem(at: CLITestSupport.packageRoot.appendingPathComponent("fixtures/sync_db"), to: folder)
        return folder
    }
}
