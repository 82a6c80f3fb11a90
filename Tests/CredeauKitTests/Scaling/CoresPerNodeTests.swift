import Foundation
import Testing
@testable import CredeauKit

/// Checks that `--cores-per-node` reaches the node of calibrated services, their pods' CPU and the
/// replica limit of the Kubernetes manifests.
@Suite struct CoresPerNodeTests {
    /// Returns calibrated advice with one SMS per core-second and one hour of featurisation per user.
    static func advice(dau: Int, smsPerUser: Int = 3_000, peakFactor: Double = 0.15, cores: Int) -> ScaleAdvice {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 1, featurizeMillisecondsPerUser: 3_600_000)
        let parameters = CalibrationParameters(smsPerUser: smsPerUser, peakFactor: peakFactor, coresPerNode: cores)
        return ScaleAdvisor.advise(dau: dau, components: [.insightsAPI, .smsExtractionAPI, .postgres],
                                   calibration: .init(figures: figures, parameters: parameters))
    }

    @Test(arguments: [1, 4, 16, 64])
    func calibratedNodeHasGivenCores(cores: Int) {
        let entries = Self.advice(dau: 80_000, cores: cores).entries
        #expect(entries.filter { $0.source == .calibrated }.map(\.nodeSpecification.vcpu) == [cores, cores])
        #expect(entries.first { $0.component == .postgres }?.nodeSpecification == ScalingComponent.postgres.nodeSpecification)
    }

    @Test func csvPrintsGivenCores() {
        let rows = ScaleAdviceCSVRenderer.render(Self.advice(dau: 80_000, cores: 16)).split(separator: "\n")
        let services = rows.filter { $0.hasPrefix("insights-api,") || $0.hasPrefix("sms-extraction-api,") }
        #expect(services.count == 2)
        #expect(services.allSatisfy { $0.split(separator: ",")[6] == "16" })
    }

    @Test(arguments: [(1, "500m", "1"), (4, "3500m", "4"), (16, "15500m", "16")])
    func podCPUFollowsCores(cores: Int, request: String, limit: String) throws {
        let text = try #require(try KubernetesManifestRenderer.render(Self.advice(dau: 80_000, cores: cores), image: "credeau:test"))
        #expect(text.components(separatedBy: "cpu: \"\(request)\"\n").count == 3)
        #expect(text.components(separatedBy: "cpu: \"\(limit)\"\n").count == 3)
        #expect(text.contains("each sized to one \(cores) vCPU, 16 GB RAM node."))
    }

    @Test func replicasAboveInt32Rejected() throws {
        let advice = Self.advice(dau: 1_000_000_000, smsPerUser: 1_000_000, peakFactor: 1, cores: 1)
        #expect(advice.entries.contains { $0.range.upper > Int(Int32.max) })
        #expect(throws: ScalingError.self) { try KubernetesManifestRenderer.render(advice, image: "credeau:test") }
        do {
            _ = try KubernetesManifestRenderer.render(advice, image: "credeau:test")
        } catch {
            #expect(error.description.hasPrefix("Too many replicas for the SMS Extraction API: "))
            #expect(error.description.contains("2,147,483,647"))
            #expect(!error.description.contains("\n"))
        }
    }
}
