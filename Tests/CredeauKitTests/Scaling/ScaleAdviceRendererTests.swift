import Foundation
import Testing
@testable import CredeauKit

/// Output of the table, JSON and CSV renderers.
@Suite struct ScaleAdviceRendererTests {
    /// The keys of `credeau.scale-advise/v1` as docs/scaling.md lists them.
    static let topLevelKeys: Set<String> = [
        "schema", "credeau_version", "dau", "model", "ladder", "extrapolated", "scale_up_rule", "components",
        "calibration", "notes",
    ]
    static let componentKeys: Set<String> = [
        "name", "title", "group", "min_nodes", "max_nodes", "source", "node", "steps",
    ]

    private func parseObject(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonMatchesSchemaKeys() throws {
        let document = try parseObject(ScaleAdviceJSONRenderer.render(ScaleAdvisor.advise(dau: 80_000)))
        #expect(Set(document.keys) == Self.topLevelKeys)
        #expect(document["schema"] as? String == "credeau.scale-advise/v1")
        #expect(document["dau"] as? Int == 80_000)
        #expect(document["model"] as? String == "published-ladder")
        #expect(document["calibration"] is NSNull)

        let ladder = try #require(document["ladder"] as? [String: Any])
        #expect(Set(ladder.keys) == ["basis", "rungs_used", "method"])
        #expect(ladder["basis"] as? String == "interpolated")
        #expect(ladder["rungs_used"] as? [Int] == [75_000, 100_000])

        let rule = try #require(document["scale_up_rule"] as? [String: Any])
        #expect(rule["cpu_percent"] as? Int == 50)
        #expect(rule["sustained_seconds"] as? Int == 60)

        let components = try #require(document["components"] as? [[String: Any]])
        #expect(components.count == ScalingComponent.allCases.count)
        for component in components {
            #expect(Set(component.keys) == Self.componentKeys)
            let node = try #require(component["node"] as? [String: Any])
            #expect(Set(node.keys) == ["vcpu", "ram_gb", "disk_gb"])
        }
        let insights = try #require(components.first { $0["name"] as? String == "insights-api" })
        #expect(insights["min_nodes"] as? Int == 5)
        #expect(insights["max_nodes"] as? Int == 8)
        #expect(insights["steps"] is NSNull)
        let mongo = try #require(components.first { $0["name"] as? String == "mongodb" })
        #expect((mongo["node"] as? [String: Any])?["disk_gb"] as? Int == 2_000)
    }

    @Test func calibratedJSONCarriesFiguresAndSteps() throws {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: nil,
                                        origin: .file(path: "bench \"figures\".json"))
        let advice = ScaleAdvisor.advise(dau: 240_000, components: [.smsExtractionAPI],
                                         calibration: .init(figures: figures, parameters: CalibrationParameters()))
        let document = try parseObject(ScaleAdviceJSONRenderer.render(advice))
        #expect(document["model"] as? String == "calibrated")

        let calibration = try #require(document["calibration"] as? [String: Any])
        let figureObject = try #require(calibration["figures"] as? [String: Any])
        #expect(Set(figureObject.keys) == ["extraction_sms_per_second_per_core", "featurize_ms_per_user",
                                           "insights_requests_per_second_per_core", "origin", "path",
                                           "benchmark_sms", "benchmark_seconds"])
        #expect(figureObject["path"] as? String == "bench \"figures\".json")
        #expect(figureObject["featurize_ms_per_user"] is NSNull)
        let parameters = try #require(calibration["parameters"] as? [String: Any])
        #expect(Set(parameters.keys) == ["sms_per_user", "peak_factor", "cores_per_node", "cpu_target"])
        #expect(parameters["peak_factor"] as? Double == 0.15)

        let components = try #require(document["components"] as? [[String: Any]])
        let steps = try #require(components.first?["steps"] as? [[String: Any]])
        #expect(steps.count == 8)
        #expect(Set(steps[0].keys) == ["label", "expression", "value", "unit"])
        #expect(components.first?["max_nodes"] as? Int == 2)
    }

    @Test func jsonStringsEscapeControlCharacters() {
        #expect(JSONText.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }

    @Test func csvHasHeaderAndOneRowPerComponent() {
        let text = ScaleAdviceCSVRenderer.render(ScaleAdvisor.advise(dau: 100_000, components: [.insightsAPI, .postgres]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == "component,title,group,min_nodes,max_nodes,source,vcpu,ram_gb,disk_gb,dau,basis")
        #expect(lines[1] == "insights-api,Insights API,services,6,10,ladder,4,16,,100000,rung")
        #expect(lines[2] == "postgres,PostgreSQL,databases,3,4,ladder,2,4,200,100000,rung")
        #expect(lines[3].isEmpty)
    }

    @Test func tableShowsRangesRuleAndBasis() {
        let text = ScaleAdviceTableRenderer.render(ScaleAdvisor.advise(dau: 80_000))
        #expect(text.hasPrefix("Sizing for 80,000 daily active users\n"))
        #expect(text.contains("between the 75K and 100K rungs"))
        #expect(text.contains("  Insights API        5-8    4 vCPU, 16 GB RAM\n"))
        #expect(text.contains("  MongoDB             3-4    4 vCPU, 16 GB RAM, 2 TB disk\n"))
        #expect(text.contains("Sync pipeline\n"))
        #expect(text.contains("Scale up when CPU use stays above 50 % or RAM use above 50 % for 60 seconds."))
    }

    @Test func tableSaysWhenExtrapolated() {
        let text = ScaleAdviceTableRenderer.render(ScaleAdvisor.advise(dau: 300_000, components: [.insightsAPI]))
        #expect(text.contains("past the last rung, extrapolated along the 75K-100K slope"))
        #expect(text.contains("Note: 300,000 DAU is past the last published rung (100K)"))
    }

    @Test func tablePrintsCalibratedArithmetic() {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: nil)
        let advice = ScaleAdvisor.advise(dau: 240_000, components: [.smsExtractionAPI],
                                         calibration: .init(figures: figures, parameters: CalibrationParameters()))
        let text = ScaleAdviceTableRenderer.render(advice)
        #expect(text.contains("  1. Users in the busiest hour = 240,000 DAU × 0.15 peak factor = 36,000 users\n"))
        #expect(text.contains("  3. CPU seconds per user = 3,000 SMS / 10,000 SMS per core-second = 0.3 core-s\n"))
        #expect(text.contains("  Range: 1-2 nodes\n"))
        #expect(text.contains("calibrated"))
    }

    @Test(arguments: [
        (0.0, "0"), (3.333333, "3.333"), (0.010241, "0.01024"), (12_000.4, "12,000"), (999.96, "1,000"), (999.94, "999.9"),
        (0.5, "0.5"), (1_234_567.0, "1,234,567"), (1e300, "1e+300"), (-2.5e18, "-2.5e+18"),
    ])
    func decimalTextKeepsFourSignificantDigits(value: Double, text: String) {
        #expect(NumberText.decimal(value) == text)
    }
}
