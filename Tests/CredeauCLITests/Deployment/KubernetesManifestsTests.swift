import Foundation
import Testing

/// Checks deploy/k8s against what `credeau scale-advise --format k8s` writes, so that the
/// hand-kept manifests and the generated ones keep the same names, labels, ports, probes,
/// resources and autoscaling targets.
@Suite struct KubernetesManifestsTests {
    /// The daily active users that the replica counts in deploy/k8s are sized for.
    static let sizedForDAU = "50K"

    @Test func manifestsMatchScaleAdviseOutput() throws {
        guard let python = DeploymentTestSupport.testPython(for: "the Kubernetes manifest check") else { return }
        let rendered = try CLITestSupport.run(["scale-advise", "--dau", Self.sizedForDAU, "--format", "k8s"])
        try #require(rendered.status == 0, "scale-advise failed: \(rendered.stderr)")

        let report = try DeploymentTestSupport.runChecker(python, mode: "k8s", stdin: Data(rendered.stdout.utf8))
        #expect(report.checked >= 12, "expected at least 12 objects in deploy/k8s, checked \(report.checked)")
        for problem in report.problems {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The checker must notice a changed value, or the comparison above proves nothing.
    @Test func checkerReportsChangedPort() throws {
        guard let python = DeploymentTestSupport.testPython(for: "the Kubernetes manifest check") else { return }
        let rendered = try CLITestSupport.run(["scale-advise", "--dau", Self.sizedForDAU, "--format", "k8s"])
        let changed = rendered.stdout.replacingOccurrences(of: "containerPort: 8082", with: "containerPort: 9082")
        try #require(changed != rendered.stdout)

        let report = try DeploymentTestSupport.runChecker(python, mode: "k8s", stdin: Data(changed.utf8))
        #expect(report.problems.contains { $0.contains("credeau-sms-extraction-api") && $0.contains("9082") },
                "no problem names the changed port: \(report.problems)")
    }

    /// Every workload runs a subcommand that the binary has.
    @Test func workloadsRunExistingSubcommands() throws {
        let subcommands = Set(try HelpText.subcommands())
        let folder = CLITestSupport.packageRoot.appendingPathComponent("deploy/k8s")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        var found = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /args: \["([a-z-]+)"/) {
                found += 1
                #expect(subcommands.contains(String(match.1)), "\(file) runs unknown subcommand '\(match.1)'")
            }
            for match in text.matches(of: /args:\n\s+- "([a-z-]+)"/) {
                found += 1
                #expect(subcommands.contains(String(match.1)), "\(file) runs unknown subcommand '\(match.1)'")
            }
            for match in text.matches(of: /exec credeau ([a-z-]+)/) {
                found += 1
                #expect(subcommands.contains(String(match.1)), "\(file) runs unknown subcommand '\(match.1)'")
            }
        }
        #expect(found >= 5, "found \(found) workloads with args in deploy/k8s")
    }
}
