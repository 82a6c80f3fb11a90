/// The published sizing ladder: node ranges per component at 25K, 50K, 75K and 100K daily active
/// users, as the deployment documentation of the insights pipeline gives them.
///
/// Between rungs each bound is interpolated linearly and rounded up. Below the first rung the first
/// rung applies. Past the last rung each bound is extended along the slope between the last two rungs.
/// The rungs never decrease, so every bound is a non-decreasing function of DAU.
public struct SizingLadder: Sendable {
    /// One row of the ladder: the DAU it was published for and the node range of each component.
    public struct Rung: Sendable {
        public var dau: Int
        public var ranges: [ScalingComponent: NodeRange]
    }

    /// Rungs in increasing DAU order; there are at least two.
    public let rungs: [Rung]

    /// The derivation of a figure from the ladder.
    public enum Basis: Sendable, Equatable {
        /// The DAU equals a published rung.
        case rung(dau: Int)
        /// The DAU lies between two rungs; each bound is interpolated linearly and rounded up.
        case interpolated(lowerDAU: Int, upperDAU: Int)
        /// The DAU is below the first rung, whose ranges apply unchanged.
        case belowFirstRung(firstDAU: Int)
        /// The DAU is past the last rung; each bound is extended along the slope of the last segment.
        case extrapolated(fromDAU: Int, toDAU: Int)
    }

    /// The ladder of the deployment documentation. Kafka brokers are a fixed 3 at 50K and 75K DAU.
    public static let published = SizingLadder(rungs: [
        Rung(dau: 25_000, ranges: [
            .insightsAPI: NodeRange(1, 2), .smsExtractionAPI: NodeRange(exactly: 1),
            .postgres: NodeRange(exactly: 1), .mongodb: NodeRange(exactly: 1),
            .producer: NodeRange(1, 3), .smsConsumer: NodeRange(1, 4), .eventsConsumer: NodeRange(1, 2),
            .commonConsumer: NodeRange(1, 2), .kafkaBrokers: NodeRange(1, 2),
        ]),
        Rung(dau: 50_000, ranges: [
            .insightsAPI: NodeRange(2, 5), .smsExtractionAPI: NodeRange(1, 3),
            .postgres: NodeRange(1, 2), .mongodb: NodeRange(1, 2),
            .producer: NodeRange(2, 5), .smsConsumer: NodeRange(2, 8), .eventsConsumer: NodeRange(1, 5),
            .commonConsumer: NodeRange(1, 5), .kafkaBrokers: NodeRange(exactly: 3),
        ]),
        Rung(dau: 75_000, ranges: [
            .insightsAPI: NodeRange(4, 7), .smsExtractionAPI: NodeRange(2, 4),
            .postgres: NodeRange(2, 3), .mongodb: NodeRange(2, 3),
            .producer: NodeRange(3, 7), .smsConsumer: NodeRange(3, 12), .eventsConsumer: NodeRange(2, 7),
            .commonConsumer: NodeRange(2, 7), .kafkaBrokers: NodeRange(exactly: 3),
        ]),
        Rung(dau: 100_000, ranges: [
            .insightsAPI: NodeRange(6, 10), .smsExtractionAPI: NodeRange(3, 5),
            .postgres: NodeRange(3, 4), .mongodb: NodeRange(3, 4),
            .producer: NodeRange(4, 10), .smsConsumer: NodeRange(4, 16), .eventsConsumer: NodeRange(3, 10),
            .commonConsumer: NodeRange(3, 10), .kafkaBrokers: NodeRange(3, 5),
        ]),
    ])

    /// Creates a ladder from rungs in increasing DAU order, each giving a range for every component.
    public init(rungs: [Rung]) {
        precondition(rungs.count >= 2, "A sizing ladder needs at least two rungs to interpolate between.")
        precondition(zip(rungs, rungs.dropFirst()).allSatisfy { $0.dau < $1.dau }, "Ladder rungs must increase in DAU.")
        precondition(rungs.allSatisfy { $0.ranges.count == ScalingComponent.allCases.count },
                     "Every ladder rung must give a range for every component.")
        self.rungs = rungs
    }

    /// Returns the position of `dau` on the ladder.
    public func basis(forDAU dau: Int) -> Basis {
        let first = rungs[0], last = rungs[rungs.count - 1]
        if dau < first.dau { return .belowFirstRung(firstDAU: first.dau) }
        if dau > last.dau { return .extrapolated(fromDAU: rungs[rungs.count - 2].dau, toDAU: last.dau) }
        if let rung = rungs.first(where: { $0.dau == dau }) { return .rung(dau: rung.dau) }
        let upperIndex = rungs.firstIndex { $0.dau > dau } ?? rungs.count - 1
        return .interpolated(lowerDAU: rungs[upperIndex - 1].dau, upperDAU: rungs[upperIndex].dau)
    }

    /// Returns the node range for `component` at `dau` users (at least 1).
    public func range(for component: ScalingComponent, dau: Int) -> NodeRange {
        let segment: (Rung, Rung)
        switch basis(forDAU: dau) {
        case .belowFirstRung, .rung:
            let rung = rungs.last { $0.dau <= dau } ?? rungs[0]
            return rung.ranges[component] ?? NodeRange(exactly: 1)
        case let .interpolated(lowerDAU, upperDAU), let .extrapolated(lowerDAU, upperDAU):
            guard let low = rungs.first(where: { $0.dau == lowerDAU }),
                  let high = rungs.first(where: { $0.dau == upperDAU }) else { return NodeRange(exactly: 1) }
            segment = (low, high)
        }

        let (low, high) = segment
        let lowRange = low.ranges[component] ?? NodeRange(exactly: 1)
        let highRange = high.ranges[component] ?? NodeRange(exactly: 1)
        let lower = Self.interpolate(lowRange.lower, highRange.lower, from: low.dau, to: high.dau, at: dau)
        let upper = Self.interpolate(lowRange.upper, highRange.upper, from: low.dau, to: high.dau, at: dau)
        return NodeRange(max(1, lower), max(1, lower, upper))
    }

    /// Evaluates the straight line through `(fromDAU, start)` and `(toDAU, end)` at `dau`, rounded up.
    ///
    /// Integer arithmetic keeps published rungs exact: at `dau == toDAU` the result is `end` with no
    /// floating-point residue that rounding up could turn into `end + 1`.
    static func interpolate(_ start: Int, _ end: Int, from fromDAU: Int, to toDAU: Int, at dau: Int) -> Int {
        let numerator = (end - start) * (dau - fromDAU)
        let denominator = toDAU - fromDAU
        return start + ceilingDivide(numerator, denominator)
    }

    /// `numerator / denominator` rounded towards positive infinity, for a positive denominator.
    static func ceilingDivide(_ numerator: Int, _ denominator: Int) -> Int {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }
}
