import Testing
@testable import CredeauKit

@Suite struct CalibratedSizingTests {
    /// Figures chosen so the arithmetic is easy to redo by hand.
    static let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: 1_000)

    @Test func extractionArithmeticMatchesHandCalculation() throws {
        // 240,000 DAU × 0.15 = 36,000 users in the busiest hour = 10 users/s. Each user costs
        // 3,000 SMS / 10,000 SMS per core-second = 0.3 core-s, so 3 cores are busy: at a 50 %
        // target that is 6 cores, 1.5 nodes of 4 cores, rounded up to 2. An average hour has
        // 240,000 / 86,400 = 2.78 users/s, 0.833 busy cores, 0.417 nodes, rounded up to 1.
        let sizing = try #require(CalibratedSizing.size(
            .smsExtractionAPI, dau: 240_000, figures: Self.figures, parameters: CalibrationParameters()))
        #expect(sizing.range == NodeRange(1, 2))
        let values = sizing.steps.map(\.value)
        #expect(values.count == 8)
        #expect(abs(values[0] - 36_000) < 1e-9)
        #expect(abs(values[1] - 10) < 1e-9)
        #expect(abs(values[2] - 0.3) < 1e-12)
        #expect(abs(values[3] - 3) < 1e-9)
        #expect(values[4] == 2)
        #expect(abs(values[5] - 240_000.0 / 86_400) < 1e-9)
        #expect(abs(values[6] - 240_000.0 / 86_400 * 0.3) < 1e-9)
        #expect(values[7] == 1)
        #expect(sizing.steps[0].expression == "240,000 DAU × 0.15 peak factor")
        #expect(sizing.steps[2].expression == "3,000 SMS / 10,000 SMS per core-second")
    }

    @Test func insightsArithmeticUsesFeaturisationCost() throws {
        // 10 users/s × 1 core-s = 10 busy cores -> 20 cores at 50 % -> 5 nodes. Average hour:
        // 2.78 busy cores -> 5.56 cores -> 1.39 nodes -> 2.
        let sizing = try #require(CalibratedSizing.size(
            .insightsAPI, dau: 240_000, figures: Self.figures, parameters: CalibrationParameters()))
        #expect(sizing.range == NodeRange(2, 5))
        #expect(sizing.steps[2].expression == "1,000 ms / 1,000")
    }

    @Test func parametersChangeTheArithmetic() throws {
        // 240,000 × 0.3 / 3,600 = 20 users/s × (1,000 SMS / 10,000) = 2 busy cores -> 4 cores at
        // 50 % -> 0.5 of an 8-core node -> 1. Average: 0.278 cores -> 0.069 nodes -> 1.
        let parameters = CalibrationParameters(smsPerUser: 1_000, peakFactor: 0.3, coresPerNode: 8)
        let sizing = try #require(CalibratedSizing.size(
            .smsExtractionAPI, dau: 240_000, figures: Self.figures, parameters: parameters))
        #expect(sizing.range == NodeRange(1, 1))
        #expect(abs(sizing.steps[1].value - 20) < 1e-9)
        #expect(abs(sizing.steps[3].value - 2) < 1e-9)
    }

    @Test func exactNodeCountIsNotRoundedPastItself() throws {
        // 192,000 × 0.15 / 3,600 = 8 users/s × (2,500 / 10,000) = 2 busy cores -> 4 cores = exactly 1 node.
        let parameters = CalibrationParameters(smsPerUser: 2_500)
        let sizing = try #require(CalibratedSizing.size(
            .smsExtractionAPI, dau: 192_000, figures: Self.figures, parameters: parameters))
        #expect(sizing.range.upper == 1)
        #expect(CalibratedSizing.nodes(busyCores: 4.0, parameters: CalibrationParameters()) == 2)
        #expect(CalibratedSizing.nodes(busyCores: 4.0001, parameters: CalibrationParameters()) == 3)
        #expect(CalibratedSizing.nodes(busyCores: 0, parameters: CalibrationParameters()) == 1)
    }

    @Test func unmeasuredFeaturisationLeavesInsightsUnsized() {
        let figures = ThroughputFigures(extractionSMSPerSecondPerCore: 10_000, featurizeMillisecondsPerUser: nil)
        #expect(CalibratedSizing.size(.insightsAPI, dau: 80_000, figures: figures, parameters: .init()) == nil)
    }

    @Test(arguments: [ScalingComponent.postgres, .mongodb, .producer, .smsConsumer, .kafkaBrokers])
    func nonServiceIsNotCalibrated(component: ScalingComponent) {
        #expect(CalibratedSizing.size(component, dau: 80_000, figures: Self.figures, parameters: .init()) == nil)
    }

    @Test func upperBoundNeverDecreasesWithDAU() throws {
        var previous = 0
        for dau in stride(from: 1, through: 5_000_000, by: 49_999) {
            let sizing = try #require(CalibratedSizing.size(
                .smsExtractionAPI, dau: dau, figures: Self.figures, parameters: .init()))
            #expect(sizing.range.upper >= previous, "upper bound fell at \(dau) DAU")
            #expect(sizing.range.lower <= sizing.range.upper)
            previous = sizing.range.upper
        }
    }
}
