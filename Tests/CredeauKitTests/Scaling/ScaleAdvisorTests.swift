import Testing
@testable import CredeauKit

@Suite struct ScaleAdvisorTests {
    @Test func ladderAdviceCoversSelectedComponents() {
        let advice = ScaleAdvisor.advise(dau: 80_000, components: [.insightsAPI, .kafkaBrokers])
        #expect(advice.model == .publishedLadder)
        #expect(advice.entries.map(\.component) == [.insightsAPI, .kafkaBrokers])
        #expect(advice.entries.map(\.range) == [NodeRange(5, 8), NodeRange(3, 4)])
        #expect(advice.entries.allSatisfy { $0.source == .ladder })
        #expect(!advice.isExtrapolated)
        #expect(advice.notes.isEmpty)
    }

    @Test func extrapolationIsFlaggedAndNoted() {
        let advice = ScaleAdvisor.advise(dau: 250_000)
        #expect(advice.isExtrapolated)
        #expect(advice.notes.contains { $0.contains("past the last published rung") })
    }

    @Test func belowFirstRungIsNoted() {
        let advice = ScaleAdvisor.advise(dau: 500)
        #expect(advice.notes.contains { $0.contains("below the first published rung") })
        #expect(advice.entries.first?.range == NodeRange(1, 2))
    }

    @Test func calibrationSizesOnlyMeasuredServices() {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: nil)
        let advice = ScaleAdvisor.advise(
            dau: 240_000, calibration: .init(figures: figures, parameters: CalibrationParameters()))
        #expect(advice.model == .calibrated)
        let sources = Dictionary(uniqueKeysWithValues: advice.entries.map { ($0.component, $0.source) })
        #expect(sources[.smsExtractionAPI] == .calibrated)
        #expect(sources[.insightsAPI] == .ladder)
        #expect(sources[.postgres] == .ladder)
        #expect(advice.entries.first { $0.component == .smsExtractionAPI }?.range == NodeRange(1, 2))
        #expect(advice.notes.contains { $0.contains("carry no featurisation cost") })
    }

    /// An end-to-end request rate sizes the Insights API without a featurisation figure, and
    /// then no note claims that it keeps its ladder range.
    @Test func requestRateAloneSizesInsights() {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: nil,
                                        insightsRequestsPerSecondPerCore: 40)
        let advice = ScaleAdvisor.advise(
            dau: 240_000, calibration: .init(figures: figures, parameters: CalibrationParameters()))
        #expect(advice.entries.first { $0.component == .insightsAPI }?.source == .calibrated)
        #expect(!advice.notes.contains { $0.contains("carry no featurisation cost") })
        let table = ScaleAdviceTableRenderer.render(advice)
        #expect(table.contains("Insights API: 40 requests per core-second, end to end"))
    }

    @Test func calibratedServicesAloneAreNotExtrapolated() {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: 50)
        let advice = ScaleAdvisor.advise(
            dau: 5_000_000, components: [.insightsAPI, .smsExtractionAPI],
            calibration: .init(figures: figures, parameters: CalibrationParameters()))
        #expect(advice.entries.allSatisfy { $0.source == .calibrated })
        #expect(!advice.isExtrapolated)
        #expect(!advice.notes.contains { $0.contains("past the last published rung") })
    }
}
