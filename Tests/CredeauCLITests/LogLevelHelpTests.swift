import Foundation
import Testing

/// Checks the `--log-level` default that help and the man pages print: `notice` for the one-shot
/// subcommands, and `LOG_LEVEL` with its stage default for the services, which log at debug in dev.
@Suite struct LogLevelHelpTests {
    /// Returns the `(default: …)` text of the `--log-level` line in `credeau <subcommand> --help`.
    static func helpDefault(of subcommand: String) throws -> String {
        let help = try CLITestSupport.run([subcommand, "--help"]).stdout
        let line = try #require(help.split(separator: "\n").first { $0.hasPrefix("  --log-level ") })
        let match = try #require(line.firstMatch(of: /\(default: (.+)\)$/), "no default in '\(line)'")
        return String(match.1)
    }

    /// Returns the words of `text` in lower case, so roff line breaks and punctuation do not matter.
    static func words(_ text: some StringProtocol) -> String {
        text.lowercased().matches(of: /[a-z0-9_]+/).map { String($0.0) }.joined(separator: " ")
    }

    @Test(arguments: ["serve-sms", "serve-insights"])
    func serviceHelpNamesEnvironmentDefault(command: String) throws {
        let help = try CLITestSupport.run([command, "--help"]).stdout
        let usage = try #require(help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") })
        let stated = try Self.helpDefault(of: command)

        #expect(stated.contains("LOG_LEVEL"))
        #expect(stated.contains("debug when LAUNCH_ENVIRONMENT is dev"))
        #expect(usage.contains("[--log-level <LEVEL> | -v]"))
    }

    @Test(arguments: ["extract", "migrate", "scale-advise"])
    func oneShotHelpSaysNotice(command: String) throws {
        #expect(try Self.helpDefault(of: command) == "notice")
    }

    @Test func manPagesRepeatHelpDefault() throws {
        for subcommand in try HelpText.subcommands() {
            let page = "credeau-\(subcommand).1"
            let text = try ManPageTests.plainText(of: page)
            let section = try #require(text.range(of: ".BI --log-level \" level\""), "\(page) lacks --log-level")
            let end = text[section.upperBound...].range(of: ".TP")?.lowerBound ?? text.endIndex
            let body = text[section.upperBound..<end].split(separator: "\n")
                .map { $0.replacing(/^\.[A-Z]+ ?/, with: "") }.joined(separator: " ")
            let expected = "default " + Self.words(try Self.helpDefault(of: subcommand))
            #expect(Self.words(body).contains(expected), "\(page) gives another --log-level default than its --help")
        }
    }
}
