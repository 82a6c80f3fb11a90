/// The result of `credeau scale-advise`: a node range per selected component and how each was derived.
public struct ScaleAdvice: Sendable {
    /// The model that sized the services.
    public enum Model: String, Sendable {
        case publishedLadder = "published-ladder"
        case calibrated
    }

    /// The origin of one component's range.
    public enum Source: String, Sendable {
        /// The published ladder, at a rung, interpolated, clamped to the first rung or extrapolated.
        case ladder
        /// The calibrated model, from measured throughput.
        case calibrated
    }

    /// One component's recommendation.
    public struct Entry: Sendable {
        public var component: ScalingComponent
        public var range: NodeRange
        public var source: Source
        /// The calibrated arithmetic, for entries whose source is `.calibrated`.
        public var calibration: CalibratedServiceSizing?

        /// The node that one unit of `range` counts: the calibrated node with the cores the model
        /// assumed, or else the component's ladder node.
        public var nodeSpecification: NodeSpecification { calibration?.node ?? component.nodeSpecification }
    }

    /// The calibrated model's inputs, present when `model` is `.calibrated`.
    public struct Calibration: Sendable {
        public var figures: ThroughputFigures
        public var parameters: CalibrationParameters

        public init(figures: ThroughputFigures, parameters: CalibrationParameters) {
            self.figures = figures
            self.parameters = parameters
        }
    }

    public var dau: Int
    public var model: Model
    /// The position of the DAU on the published ladder, which applies to every entry whose source is `.ladder`.
    public var ladderBasis: SizingLadder.Basis
    public var entries: [Entry]
    public var calibration: Calibration?
    public var scaleUpRule: ScaleUpRule
    /// Caveats for the operator, such as extrapolation or an unmeasured cost.
    public var notes: [String]

    public var isExtrapolated: Bool {
        if case .extrapolated = ladderBasis { return entries.contains { $0.source == .ladder } }
        return false
    }

    /// The interpolation and extrapolation rule, in one sentence, for output and docs.
    public static let ladderMethod = "Between rungs each bound is interpolated linearly and rounded up; "
        + "below the first rung the first rung applies; past the last rung each bound follows the slope of the last two rungs."
}

extension SizingLadder.Basis {
    /// A short phrase such as `between the 75K and 100K rungs`, for output.
    public var phrase: String {
        switch self {
        case let .rung(dau): "at the \(Self.short(dau)) rung"
        case let .interpolated(lower, upper): "between the \(Self.short(lower)) and \(Self.short(upper)) rungs, interpolated"
        case let .belowFirstRung(first): "below the first rung, so the \(Self.short(first)) rung applies"
        case let .extrapolated(from, to): "past the last rung, extrapolated along the \(Self.short(from))-\(Self.short(to)) slope"
        }
    }

    /// The machine-readable kind written to JSON.
    public var kind: String {
        switch self {
        case .rung: "rung"
        case .interpolated: "interpolated"
        case .belowFirstRung: "below-first-rung"
        case .extrapolated: "extrapolated"
        }
    }

    static func short(_ dau: Int) -> String {
        dau % 1_000 == 0 ? "\(dau / 1_000)K" : NumberText.grouped(dau)
    }
}
