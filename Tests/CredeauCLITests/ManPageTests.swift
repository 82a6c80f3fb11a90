import Foundation
import Testing

/// Checks the roff pages under man/: each renders without groff warnings, and each subcommand
/// that the binary lists has a page naming every long option its `--help` prints. The options
/// come from the built binary, so a new option without documentation fails here.
@Suite struct ManPageTests {
    static let folder = CLITestSupport.packageRoot.appendingPathComponent("man")

    static func pages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".1") }.sorted()
    }

    /// Returns the page's source with roff escapes for hyphens and fonts removed, so `\-\-port`
    /// and `\fB\-\-port\fR` both read `--port`.
    static func plainText(of page: String) throws -> String {
        var text = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
        text = text.replacingOccurrences(of: "\\-", with: "-")
        text = text.replacing(/\\f[BIRP]/, with: "")
        return text
    }

    @Test func pagesRenderWithoutWarnings() throws {
        guard let groff = CLITestSupport.installedTool("groff", for: "the man page rendering check") else { return }
        let pages = try Self.pages()
        #expect(pages.count >= 7, "found only \(pages)")
        for page in pages {
            let path = Self.folder.appendingPathComponent(page).path
            let result = try CLITestSupport.runProcess(groff, ["-man", "-Tutf8", "-ww", "-z", path])
            #expect(result.status == 0, "groff failed on \(page)")
            #expect(result.stderr.isEmpty, "groff warns about \(page): \(result.stderr)")
        }
    }

    @Test func everySubcommandHasPage() throws {
        let pages = Set(try Self.pages())
        let overview = try Self.plainText(of: "credeau.1")
        for subcommand in try HelpText.subcommands() {
            #expect(pages.contains("credeau-\(subcommand).1"), "man/credeau-\(subcommand).1 is missing")
            #expect(overview.contains(".BR credeau-\(subcommand) (1)"), "credeau(1) does not refer to credeau-\(subcommand)(1)")
        }
    }

    @Test func pagesNameEveryHelpOption() throws {
        for subcommand in try HelpText.subcommands() {
            let page = "credeau-\(subcommand).1"
            guard FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(page).path) else { continue }
            let text = try Self.plainText(of: page)
            let options = try HelpText.longOptions(of: subcommand)
            #expect(options.contains("--help"))
            for option in options {
                // An option name must not be matched as the prefix of a longer one (--sms in --sms-per-user).
                let pattern = try Regex("\(option)(?![a-z0-9-])")
                let documented = text.contains(pattern)
                #expect(documented, "\(page) does not document \(option), which 'credeau \(subcommand) --help' lists")
            }
        }
    }

    /// The header names the page after its file and carries the binary's version.
    @Test func headersMatchFileAndVersion() throws {
        let version = try CLITestSupport.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for page in try Self.pages() {
            let text = try Self.plainText(of: page)
            let header = try #require(text.firstMatch(of: /^\.TH (\S+) 1 "[^"]+" "([^"]+)" "credeau manual"\n/),
                                      "\(page) lacks a .TH line")
            #expect(header.1.lowercased() + ".1" == page)
            #expect(String(header.2) == version, "\(page) names \(header.2), but the binary prints \(version)")
        }
    }
}
