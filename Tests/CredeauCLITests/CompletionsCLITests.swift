import Foundation
import Testing

@Suite struct CompletionsCLITests {
    /// Writes `credeau completions <shell>` to a temporary file and returns its path.
    static func writeScript(_ shell: String) throws -> String {
        let result = try CLITestSupport.run(["completions", shell])
        try #require(result.status == 0, "completions \(shell) failed: \(result.stderr)")
        let script = try CLITestSupport.makeTemporaryDirectory().appendingPathComponent("credeau.\(shell)")
        try result.stdout.write(to: script, atomically: true, encoding: .utf8)
        return script.path
    }

    /// Sources the bash script, completes the last of `words` as bash would, and returns the
    /// candidates one per element. Runs in the package root, so file names come from there.
    static func bashCandidates(_ script: String, _ words: [String]) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
            _credeau
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try CLITestSupport.runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", program],
                                                   currentDirectory: CLITestSupport.packageRoot)
        try #require(result.status == 0, "bash failed: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashScriptParses() throws {
        let script = try Self.writeScript("bash")
        let check = try CLITestSupport.runProcess(URL(fileURLWithPath: "/bin/bash"), ["-n", script])
        #expect(check.status == 0, "bash -n rejected the completion script: \(check.stderr)")
        #expect(try String(contentsOfFile: script, encoding: .utf8).contains("complete -F _credeau credeau"))
    }

    @Test func bashCompletesEverySubcommandAndOption() throws {
        let script = try Self.writeScript("bash")
        let subcommands = try HelpText.subcommands()
        #expect(subcommands.count >= 6)
        #expect(Set(try Self.bashCandidates(script, ["credeau", ""])).isSuperset(of: subcommands))

        for subcommand in subcommands {
            let candidates = Set(try Self.bashCandidates(script, ["credeau", subcommand, "--"]))
            for option in try HelpText.longOptions(of: subcommand) {
                #expect(candidates.contains(option), "bash completion of 'credeau \(subcommand)' lacks \(option)")
            }
        }
    }

    @Test func bashCompletesOptionValues() throws {
        let script = try Self.writeScript("bash")
        #expect(try Self.bashCandidates(script, ["credeau", "extract", "--input", "fixt"]) == ["fixtures"])
        #expect(try Self.bashCandidates(script, ["credeau", "extract", "-o", "Packa"]) == ["Package.swift"])
        #expect(try Self.bashCandidates(script, ["credeau", "extract", "--format", ""]) == ["jsonl", "csv", "sqlite"])
        #expect(try Self.bashCandidates(script, ["credeau", "scale-advise", "--format", "k"]) == ["k8s"])
        #expect(try Self.bashCandidates(script, ["credeau", "migrate", "--log-level", "w"]) == ["warning"])
        #expect(try Self.bashCandidates(script, ["credeau", "serve-sms", "--port", ""]).isEmpty)
        #expect(try Self.bashCandidates(script, ["credeau", "completions", "z"]) == ["zsh"])
        #expect(try Self.bashCandidates(script, ["credeau", "help", "sc"]) == ["scale-advise"])
    }

    /// Sources the zsh script with `_arguments` and `_describe` replaced by functions that print
    /// their arguments, so the test reads the specs that the script passes to zsh's completion system.
    static func zshSpecs(_ zsh: URL, _ script: String, _ words: [String]) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            _arguments() { print -rl -- "$@" }
            _describe() { print -rl -- "${(@P)2}" }
            source '\(script)'
            words=(\(quoted)); CURRENT=\(words.count)
            _credeau
            """
        let result = try CLITestSupport.runProcess(zsh, ["-f", "-c", program])
        try #require(result.status == 0, "zsh failed: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func zshScriptParses() throws {
        let script = try Self.writeScript("zsh")
        #expect(try String(contentsOfFile: script, encoding: .utf8).hasPrefix("#compdef credeau\n"))
        guard let zsh = CLITestSupport.installedTool("zsh", for: "the zsh completion checks") else { return }
        let check = try CLITestSupport.runProcess(zsh, ["-n", script])
        #expect(check.status == 0, "zsh -n rejected the completion script: \(check.stderr)")
    }

    @Test func zshCompletesEverySubcommandAndOption() throws {
        guard let zsh = CLITestSupport.installedTool("zsh", for: "the zsh completion checks") else { return }
        let script = try Self.writeScript("zsh")
        let subcommands = try HelpText.subcommands()
        let described = try Self.zshSpecs(zsh, script, ["credeau", ""])
        for subcommand in subcommands {
            #expect(described.contains { $0.hasPrefix("\(subcommand):") }, "zsh does not describe \(subcommand)")

            let specs = try Self.zshSpecs(zsh, script, ["credeau", subcommand, "--"])
            for option in try HelpText.longOptions(of: subcommand) {
                #expect(specs.contains { $0.contains("\(option)[") }, "zsh completion of 'credeau \(subcommand)' lacks \(option)")
            }
        }
    }

    @Test func zshOffersFilesAndChoices() throws {
        guard let zsh = CLITestSupport.installedTool("zsh", for: "the zsh completion checks") else { return }
        let script = try Self.writeScript("zsh")
        let specs = try Self.zshSpecs(zsh, script, ["credeau", "extract", "--"])
        let input = try #require(specs.first { $0.hasPrefix("(-i --input)--input[") })
        #expect(input.hasSuffix(":path:_files"))
        let format = try #require(specs.first { $0.hasPrefix("--format[") })
        #expect(format.hasSuffix(":format:(jsonl csv sqlite)"))
        #expect(specs.contains { $0.hasPrefix("*--users[") })
        let shells = try Self.zshSpecs(zsh, script, ["credeau", "completions", ""])
        #expect(shells.contains("1:argument:(bash zsh)"))
    }

    @Test func unknownShellIsUsageError() throws {
        let result = try CLITestSupport.run(["completions", "fish"])
        #expect(result.status == 2)
        #expect(result.stderrLines.first == "Error: Invalid value 'fish' for argument <bash|zsh>: expected bash or zsh",
                "\(result.stderr)")
        let missing = try CLITestSupport.run(["completions"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Missing argument <bash|zsh>"))
        let extra = try CLITestSupport.run(["completions", "bash", "zsh"])
        #expect(extra.status == 2)
    }
}
