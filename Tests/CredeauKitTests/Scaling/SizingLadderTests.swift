import Testing
@testable import CredeauKit

@Suite struct SizingLadderTests {
    /// The published ladder typed in again from the deployment documentation, one row per rung and
    /// component, so that a typo in `SizingLadder.published` fails here.
    static let publishedRows: [(dau: Int, component: ScalingComponent, lower: Int, upper: Int)] = [
        (25_000, .insightsAPI, 1, 2), (25_000, .smsExtractionAPI, 1, 1), (25_000, .postgres, 1, 1),
        (25_000, .mongodb, 1, 1), (25_000, .producer, 1, 3), (25_000, .smsConsumer, 1, 4),
        (25_000, .eventsConsumer, 1, 2), (25_000, .commonConsumer, 1, 2), (25_000, .kafkaBrokers, 1, 2),
        (50_000, .insightsAPI, 2, 5), (50_000, .smsExtractionAPI, 1, 3), (50_000, .postgres, 1, 2),
        (50_000, .mongodb, 1, 2), (50_000, .producer, 2, 5), (50_000, .smsConsumer, 2, 8),
        (50_000, .eventsConsumer, 1, 5), (50_000, .commonConsumer, 1, 5), (50_000, .kafkaBrokers, 3, 3),
        (75_000, .insightsAPI, 4, 7), (75_000, .smsExtractionAPI, 2, 4), (75_000, .postgres, 2, 3),
        (75_000, .mongodb, 2, 3), (75_000, .producer, 3, 7), (75_000, .smsConsumer, 3, 12),
        (75_000, .eventsConsumer, 2, 7), (75_000, .commonConsumer, 2, 7), (75_000, .kafkaBrokers, 3, 3),
        (100_000, .insightsAPI, 6, 10), (100_000, .smsExtractionAPI, 3, 5), (100_000, .postgres, 3, 4),
        (100_000, .mongodb, 3, 4), (100_000, .producer, 4, 10), (100_000, .smsConsumer, 4, 16),
        (100_000, .eventsConsumer, 3, 10), (100_000, .commonConsumer, 3, 10), (100_000, .kafkaBrokers, 3, 5),
    ]

    @Test(arguments: publishedRows)
    func publishedRungIsReproduced(row: (dau: Int, component: ScalingComponent, lower: Int, upper: Int)) {
        let range = SizingLadder.published.range(for: row.component, dau: row.dau)
        #expect(range.lower == row.lower, "\(row.component) at \(row.dau)")
        #expect(range.upper == row.upper, "\(row.component) at \(row.dau)")
        #expect(SizingLadder.published.basis(forDAU: row.dau) == .rung(dau: row.dau))
    }

    @Test func tableCoversEveryRungAndComponent() {
        #expect(Self.publishedRows.count == SizingLadder.published.rungs.count * ScalingComponent.allCases.count)
    }

    @Test(arguments: ScalingComponent.allCases)
    func boundsNeverDecreaseAcrossSweep(component: ScalingComponent) {
        var previous = NodeRange(exactly: 1)
        var dau = 1
        while dau <= 400_000 {
            let range = SizingLadder.published.range(for: component, dau: dau)
            #expect(range.lower >= previous.lower, "\(component) lower bound fell at \(dau) DAU")
            #expect(range.upper >= previous.upper, "\(component) upper bound fell at \(dau) DAU")
            #expect(range.lower <= range.upper, "\(component) at \(dau) DAU")
            previous = range
            dau += 997
        }
    }

    @Test func interpolationRoundsEachBoundUp() {
        // 80K is a fifth of the way from 75K to 100K: 4 + 2/5 = 4.4 -> 5 and 7 + 3/5 = 7.6 -> 8.
        #expect(SizingLadder.published.range(for: .insightsAPI, dau: 80_000) == NodeRange(5, 8))
        // 60K is two fifths of the way from 50K to 75K: 2 + 4/5 -> 3 and 5 + 4/5 -> 6.
        #expect(SizingLadder.published.range(for: .insightsAPI, dau: 60_000) == NodeRange(3, 6))
        // One user past a rung already rounds a rising bound up.
        #expect(SizingLadder.published.range(for: .smsConsumer, dau: 75_001) == NodeRange(4, 13))
        // A flat segment (Kafka brokers fixed at 3 from 50K to 75K) stays flat.
        #expect(SizingLadder.published.range(for: .kafkaBrokers, dau: 62_500) == NodeRange(exactly: 3))
        #expect(SizingLadder.published.basis(forDAU: 80_000) == .interpolated(lowerDAU: 75_000, upperDAU: 100_000))
    }

    @Test(arguments: [1, 999, 10_000, 24_999])
    func belowFirstRungUsesFirstRung(dau: Int) {
        #expect(SizingLadder.published.basis(forDAU: dau) == .belowFirstRung(firstDAU: 25_000))
        for component in ScalingComponent.allCases {
            #expect(SizingLadder.published.range(for: component, dau: dau)
                == SizingLadder.published.range(for: component, dau: 25_000))
        }
    }

    @Test func extrapolationFollowsLastSlope() {
        // 125K is one more 25K step past 100K: Insights API 6-10 grows by the 75K-100K step (+2, +3).
        #expect(SizingLadder.published.range(for: .insightsAPI, dau: 125_000) == NodeRange(8, 13))
        #expect(SizingLadder.published.range(for: .kafkaBrokers, dau: 125_000) == NodeRange(3, 7))
        #expect(SizingLadder.published.range(for: .insightsAPI, dau: 200_000) == NodeRange(14, 22))
        #expect(SizingLadder.published.basis(forDAU: 100_001) == .extrapolated(fromDAU: 75_000, toDAU: 100_000))
    }

    @Test func maximumDAUDoesNotOverflow() {
        let range = SizingLadder.published.range(for: .smsConsumer, dau: DailyActiveUsers.maximum)
        // Along the 75K-100K segment: 3 + 1 * (1e9 - 75K) / 25K and 12 + 4 * (1e9 - 75K) / 25K.
        #expect(range == NodeRange(40_000, 160_000))
    }

    @Test func ceilingDivideRoundsTowardsPositiveInfinity() {
        #expect(SizingLadder.ceilingDivide(7, 2) == 4)
        #expect(SizingLadder.ceilingDivide(8, 2) == 4)
        #expect(SizingLadder.ceilingDivide(-7, 2) == -3)
        #expect(SizingLadder.ceilingDivide(0, 5) == 0)
    }
}
