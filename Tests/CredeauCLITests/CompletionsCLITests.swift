import Foundation
import Testing

@Suite struct CompletionsCLITests {
    @Test func bashScriptParsesAndListsSubcommands() throws {
        let result = try CLITestSupport.run(["completions", "bash"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("complete -F _credeau credeau"))
        for name in RootCommandTests.subcommands {
            #expect(result.stdout.contains(name))
        }
        let directory = try CLITestSupport.makeTemporaryDirectory()
        let script = directory.appendingPathComponent("credeau.bash")
        try result.stdout.write(to: script, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", script.path]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "bash -n rejected the completion script")
    }

    @Test func zshScriptDeclaresCompdef() throws {
        let result = try CLITestSupport.run(["completions", "zsh"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("#compdef credeau\n"))
        #expect(result.stdout.contains("'extract:"))
    }

    @Test func unknownShellIsUsageError() throws {
        let result = try CLITestSupport.run(["completions", "fish"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Invalid value 'fish'"))
        let missing = try CLITestSupport.run(["completions"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing argument <bash|zsh>"))
    }
}
