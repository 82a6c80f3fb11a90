import CredeauKit
import Foundation
import Testing

/// `credeau scale-advise` through the built binary: output, exit codes and error lines.
@Suite struct ScaleAdviseCLITests {
    @Test func tableListsEveryComponent() throws {
        let result = try CLITestSupport.run(["scale-advise", "--dau", "80000"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Sizing for 80,000 daily active users\n"))
        for component in ScalingComponent.allCases {
            #expect(result.stdout.contains("  \(component.title) "), "table lacks \(component.title)")
        }
        #expect(result.stdout.contains("  Insights API        5-8    4 vCPU, 16 GB RAM\n"))
        #expect(result.stdout.contains("Scale up when CPU use stays above 50 %"))
    }

    @Test(arguments: ["80K", "80k", "0.08M", "80_000", "80,000"])
    func dauSpellingsGiveSameOutput(spelling: String) throws {
        let expected = try CLITestSupport.run(["scale-advise", "--dau", "80000"])
        let result = try CLITestSupport.run(["scale-advise", "--dau", spelling])
        #expect(result.status == 0)
        #expect(result.stdout == expected.stdout)
    }

    @Test func componentOptionLimitsOutput() throws {
        let result = try CLITestSupport.run(
            ["scale-advise", "--dau", "1.2M", "--component", "insights-api,mongodb", "-c", "kafka-brokers", "--format", "csv"])
        #expect(result.status == 0)
        let names = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(names == ["insights-api", "mongodb", "kafka-brokers"])
        #expect(result.stdout.contains(",extrapolated\n"))
    }

    @Test func jsonOutputFollowsSchema() throws {
        let result = try CLITestSupport.run(["scale-advise", "--dau", "150K", "--format", "json", "-c", "services"])
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "credeau.scale-advise/v1")
        #expect(document["dau"] as? Int == 150_000)
        #expect(document["extrapolated"] as? Bool == true)
        let components = try #require(document["components"] as? [[String: Any]])
        #expect(components.map { $0["name"] as? String } == ["insights-api", "sms-extraction-api"])
        // 150K is two 25K steps past 100K: Insights API 6-10 plus 2 × (2, 3).
        #expect(components.first?["min_nodes"] as? Int == 10)
        #expect(components.first?["max_nodes"] as? Int == 16)
    }

    @Test func kubernetesOutputMatchesLibraryRendering() throws {
        let result = try CLITestSupport.run(["scale-advise", "--dau", "50K", "--format", "k8s", "--image", "credeau:test"])
        #expect(result.status == 0)
        let expected = try KubernetesManifestRenderer.render(ScaleAdvisor.advise(dau: 50_000), image: "credeau:test")
        #expect(result.stdout == expected)
        #expect(result.stdout.contains("  minReplicas: 2\n  maxReplicas: 5\n"))
    }

    @Test func calibrationFromFigureFilePrintsArithmetic() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let figures = directory.appendingPathComponent("figures.json")
        try Data(#"{"extraction_sms_per_second_per_core": 10000, "featurize_ms_per_user": 1000}"#.utf8).write(to: figures)

        let result = try CLITestSupport.run(
            ["scale-advise", "--dau", "240K", "--figures", figures.path, "--component", "services"])
        #expect(result.status == 0)
        // Hand calculation: 240,000 × 0.15 / 3,600 = 10 users/s; extraction 0.3 core-s each -> 3 busy
        // cores -> 2 nodes at peak; featurisation 1 core-s each -> 10 busy cores -> 5 nodes at peak.
        #expect(result.stdout.contains("  2. Users per second at peak = 36,000 / 3,600 s = 10 users/s\n"))
        #expect(result.stdout.contains("  Insights API        2-5 "))
        #expect(result.stdout.contains("  SMS Extraction API  1-2 "))
        #expect(result.stdout.contains("from figure file '\(figures.path)'"))
    }

    @Test func calibrateWithoutFiguresMeasuresInProcess() throws {
        let result = try CLITestSupport.run(["scale-advise", "--dau", "80K", "--calibrate", "--sms-per-user", "500"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("synthetic SMS in"))
        #expect(result.stdout.contains(" ms of CPU per user"))
        // With featurisation measured, the Insights API is calibrated too, so no note says otherwise.
        #expect(!result.stdout.contains("published-ladder range"))
    }

    /// Bad input: arguments, exit status and a fragment of the one-line error.
    @Test(arguments: [
        (["--dau", "-5"], 2, "Invalid value '-5' for '--dau': must be at least 1"),
        (["--dau", "0"], 2, "Invalid value '0' for '--dau': must be at least 1"),
        (["--dau", "lots"], 2, "Invalid value 'lots' for '--dau': expected a whole number"),
        (["--dau", "2000000000"], 2, "must be at most 1,000,000,000"),
        (["--dau", "1.5B"], 2, "expected a whole number"),
        ([], 2, "Missing required option '--dau'"),
        (["--dau", "80K", "--component", "redis"], 2, "Invalid value 'redis' for '--component': expected one of insights-api"),
        (["--dau", "80K", "--format", "yaml"], 2, "Invalid value 'yaml' for '--format': expected table, json, csv or k8s"),
        (["--dau", "80K", "--format", "k8s", "-c", "mongodb"], 2, "select at least one"),
        (["--dau", "80K", "--peak-factor", "0.2"], 2, "'--peak-factor': applies only with --calibrate"),
        (["--dau", "80K", "--calibrate", "--peak-factor", "0.01"], 2, "Invalid value '0.01' for '--peak-factor'"),
        (["--dau", "80K", "--calibrate", "--cores-per-node", "0"], 2, "Invalid value '0' for '--cores-per-node'"),
        (["--dau", "80K", "--image", "x"], 2, "applies only with '--format k8s'"),
        (["--dau", "80K", "extra"], 2, "Unexpected argument 'extra'"),
        (["--dau", "80K", "--figures", "/nonexistent/credeau-figures.json"], 1,
         "Cannot read figure file '/nonexistent/credeau-figures.json': no such file"),
    ])
    func badInputFailsWithOneLine(arguments: [String], status: Int32, message: String) throws {
        let result = try CLITestSupport.run(["scale-advise"] + arguments)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("Error: "))
        #expect(firstLine.contains(message), "stderr was: \(result.stderr)")
    }

    @Test func invalidFigureFileExitsWithUsageStatus() throws {
        let directory = try CLITestSupport.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let figures = directory.appendingPathComponent("figures.json")
        try Data(#"{"extraction_sms_per_second_per_core": "fast"}"#.utf8).write(to: figures)

        let result = try CLITestSupport.run(["scale-advise", "--dau", "80K", "--figures", figures.path])
        #expect(result.status == 2)
        #expect(result.stderr == "Error: Invalid figure file '\(figures.path)': 'extraction_sms_per_second_per_core' "
            + "must be a number; write it with 'make bench' or see docs/scaling.md\n")
    }

    @Test func helpListsOptionsAndComponents() throws {
        let result = try CLITestSupport.run(["scale-advise", "--help"])
        #expect(result.status == 0)
        for option in ["--dau", "--component", "--format", "--calibrate", "--figures", "--sms-per-user", "--peak-factor",
                       "--cores-per-node", "--image"] {
            #expect(result.stdout.contains(option), "help lacks \(option)")
        }
        for name in ScalingComponent.acceptedNames {
            #expect(result.stdout.contains(name), "help lacks component '\(name)'")
        }
    }
}
