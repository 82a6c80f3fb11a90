import Foundation
import Testing

/// Runs the README's "by hand" commands as a reader of a fresh clone would, so that a step the
/// README leaves out (such as creating the output folder) fails here.
@Suite struct ReadmeCommandTests {
    /// Returns the lines of the `sh` block that follows `heading` in README.md.
    static func shellBlock(after heading: String) throws -> [String] {
        let readme = try String(contentsOf: CLITestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: heading), "README.md lacks '\(heading)'")
        let rest = readme[start.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```"))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func byHandCommandsRunInFreshFolder() throws {
        let lines = try Self.shellBlock(after: "The same job by hand")
        #expect(lines.contains { $0.contains("extract") })
        let folder = try CLITestSupport.makeTemporaryDirectory()
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("fixtures"),
            withDestinationURL: CLITestSupport.packageRoot.appendingPathComponent("fixtures"))
        let shell = URL(fileURLWithPath: "/bin/sh")
        for line in lines {
            let command = line.replacingOccurrences(of: ".build/release/credeau", with: CLITestSupport.binary.path)
            let result = try CLITestSupport.runProcess(shell, ["-e", "-c", command], currentDirectory: folder)
            #expect(result.status == 0, "'\(line)' failed in a fresh folder: \(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/users.csv").path))
    }
}
