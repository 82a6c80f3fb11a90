import Foundation
import Testing

/// Subcommands and options as the built binary's help prints them, so that the checks of man
/// pages and completion scripts follow the command line as it changes.
enum HelpText {
    /// Names listed under SUBCOMMANDS in `credeau --help`.
    static func subcommands() throws -> [String] {
        let result = try CLITestSupport.run(["--help"])
        try #require(result.status == 0, "credeau --help failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(heading + 1)...].compactMap { line in
            guard let match = line.firstMatch(of: /^  ([a-z][a-z0-9-]*)  +\S/) else { return nil }
            return String(match.1)
        }
    }

    /// Long options (`--input`) in the option column under OPTIONS in `credeau <subcommand> --help`.
    /// Options that descriptions merely mention are not counted.
    static func longOptions(of subcommand: String) throws -> [String] {
        let result = try CLITestSupport.run([subcommand, "--help"])
        try #require(result.status == 0, "credeau \(subcommand) --help failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(of: "OPTIONS:") else { return [] }
        var options: [String] = []
        for line in lines[(heading + 1)...] {
            // The option column ends at the first run of two spaces after the indent.
            guard line.hasPrefix("  -") else { continue }
            let column = line.dropFirst(2).components(separatedBy: "  ")[0]
            for match in column.matches(of: /--[a-z0-9][a-z0-9-]*/) {
                options.append(String(match.0))
            }
        }
        return options
    }
}

@Suite struct HelpTextTests {
    @Test func parsesSubcommandsAndOptions() throws {
        let subcommands = try HelpText.subcommands()
        #expect(subcommands.contains("extract"))
        #expect(subcommands.contains("completions"))
        #expect(!subcommands.contains("See"))

        let options = try HelpText.longOptions(of: "extract")
        #expect(options.contains("--input"))
        #expect(options.contains("--log-level"))
        #expect(options.contains("--help"))
        #expect(Set(options).count == options.count, "an option was counted twice: \(options)")
    }
}
