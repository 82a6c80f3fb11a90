import Testing

@Suite struct RootCommandTests {
    static let subcommands = ["serve-insights", "serve-sms", "extract", "migrate", "scale-advise"]

    @Test func helpListsEverySubcommand() throws {
        let result = try CLITestSupport.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: "))
        for name in Self.subcommands {
            #expect(result.stdout.contains("  \(name) "), "help does not list '\(name)'")
        }
        #expect(result.stderr.isEmpty)
    }

    @Test func versionPrintsSemanticVersion() throws {
        let result = try CLITestSupport.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^credeau \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test(arguments: subcommands)
    func subcommandHelpHasSections(name: String) throws {
        let result = try CLITestSupport.run([name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW: "))
        #expect(result.stdout.contains("USAGE: credeau \(name)"))
        #expect(result.stdout.contains("OPTIONS:"))
        #expect(result.stdout.contains("--help"))
    }

    @Test func unknownSubcommandSuggestsNearest() throws {
        let result = try CLITestSupport.run(["extrct"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error: Unknown subcommand 'extrct'. Did you mean 'extract'?"))
        #expect(result.stderr.contains("Usage: credeau <subcommand>"))
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownOptionSuggestsNearest() throws {
        let result = try CLITestSupport.run(["migrate", "--dry-rn"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Error: Unknown option '--dry-rn'. Did you mean '--dry-run'?"))
        #expect(result.stderr.contains("See 'credeau migrate --help'"))
    }

    @Test func missingOptionValueIsUsageError() throws {
        let result = try CLITestSupport.run(["extract", "--input"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing value for '--input <PATH>'"))
    }

    @Test func noArgumentsPrintsUsageToStderr() throws {
        let result = try CLITestSupport.run([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("USAGE: credeau <subcommand>"))
    }

    @Test func invalidLogLevelIsRejected() throws {
        let result = try CLITestSupport.run(["migrate", "--log-level", "loud"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Invalid value 'loud' for '--log-level'"))
    }
}
