import Foundation
import Testing

/// Runs `make install` with the debug binary (BINARY=…), so no release build is needed, into
/// temporary directories, and checks where every file lands.
@Suite struct InstallTargetTests {
    static let make = URL(fileURLWithPath: "/usr/bin/make")

    static func runMake(_ arguments: [String]) throws -> CommandResult {
        let result = try CLITestSupport.runProcess(make, ["--no-print-directory"] + arguments,
                                                   currentDirectory: CLITestSupport.packageRoot)
        try #require(result.status == 0, "make \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        return result
    }

    static func manPages() throws -> [String] {
        let folder = CLITestSupport.packageRoot.appendingPathComponent("man")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".1") }.sorted()
    }

    /// Checks the files that one installation under `root` (DESTDIR plus PREFIX) must contain.
    static func expectInstalled(under root: URL) throws {
        let files = FileManager.default
        let binary = root.appendingPathComponent("bin/credeau")
        #expect(files.isExecutableFile(atPath: binary.path), "no executable \(binary.path)")
        let version = try CLITestSupport.runProcess(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("credeau "))

        let pages = try manPages()
        #expect(pages.contains("credeau.1"))
        for page in pages {
            let installed = root.appendingPathComponent("share/man/man1/\(page)")
            let source = CLITestSupport.packageRoot.appendingPathComponent("man/\(page)")
            #expect(files.contentsEqual(atPath: installed.path, andPath: source.path), "\(installed.path) differs from man/\(page)")
        }

        let bash = try String(contentsOf: root.appendingPathComponent("share/bash-completion/completions/credeau"), encoding: .utf8)
        #expect(bash == (try CLITestSupport.run(["completions", "bash"])).stdout)
        let zsh = try String(contentsOf: root.appendingPathComponent("share/zsh/site-functions/_credeau"), encoding: .utf8)
        #expect(zsh == (try CLITestSupport.run(["completions", "zsh"])).stdout)
    }

    @Test func installHonoursPrefix() throws {
        let prefix = try CLITestSupport.makeTemporaryDirectory().appendingPathComponent("prefix")
        _ = try Self.runMake(["install", "PREFIX=\(prefix.path)", "BINARY=\(CLITestSupport.binary.path)"])
        try Self.expectInstalled(under: prefix)
    }

    @Test func installAndUninstallHonourDestdir() throws {
        let stage = try CLITestSupport.makeTemporaryDirectory()
        let arguments = ["DESTDIR=\(stage.path)", "PREFIX=/opt/credeau", "BINARY=\(CLITestSupport.binary.path)"]
        _ = try Self.runMake(["install"] + arguments)
        try Self.expectInstalled(under: stage.appendingPathComponent("opt/credeau"))

        _ = try Self.runMake(["uninstall"] + arguments)
        let remaining = FileManager.default.enumerator(atPath: stage.path)?.compactMap { item -> String? in
            let path = stage.appendingPathComponent(item as? String ?? "").path
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue ? path : nil
        } ?? []
        #expect(remaining.isEmpty, "uninstall left \(remaining)")
    }

    /// A dry run shows the default PREFIX without writing outside the test's directories.
    @Test func defaultPrefixIsUsrLocal() throws {
        let result = try Self.runMake(["-n", "install", "BINARY=\(CLITestSupport.binary.path)"])
        #expect(result.stdout.contains("\"/usr/local/bin/credeau\""))
        #expect(result.stdout.contains("\"/usr/local/share/man/man1/\""))
        #expect(result.stdout.contains("\"/usr/local/share/bash-completion/completions/credeau"))
        #expect(result.stdout.contains("\"/usr/local/share/zsh/site-functions/_credeau"))
        #expect(!result.stdout.contains("swift build"), "BINARY must skip the release build")
    }
}
