import Foundation

/// The feature columns of a batch extraction: the requested groupings in catalogue order, then
/// the score features when the `scores` grouping is on.
public struct FeatureColumns: Sendable {
    /// Groupings whose features are written.
    public let groupings: Set<FeatureGrouping>
    /// The score models; empty when the `scores` grouping is off.
    public let scores: ScoreModelSet
    /// Every feature column name in output order (the id columns are not included).
    public let names: [String]
    /// Groupings the engine computes: the written ones plus those the score models read.
    let computed: Set<FeatureGrouping>
    /// Positions of the written features in a computed vector, when the models need more.
    private let positions: [Int]?

    public init(groupings: Set<FeatureGrouping>, scores: ScoreModelSet, catalog: FeatureCatalog = .standard) {
        self.groupings = groupings
        self.scores = scores
        computed = groupings.union(scores.inputGroupings)
        let written = catalog.names(of: groupings)
        names = written + scores.featureNames
        if computed == groupings {
            positions = nil
        } else {
            let index = Dictionary(catalog.names(of: computed).enumerated().map { ($0.element, $0.offset) },
                                   uniquingKeysWith: { first, _ in first })
            positions = written.compactMap { index[$0] }
        }
    }

    /// Reads `--groupings`: names separated by commas among `sms`, `extracted_sms`, `fraud` and
    /// `scores`. Nil text means every grouping, with scores when models are loaded.
    public static func parse(_ text: String?, scores: ScoreModelSet) throws -> FeatureColumns {
        guard let text else { return FeatureColumns(groupings: Set(FeatureGrouping.allCases), scores: scores) }
        var groupings = Set<FeatureGrouping>()
        var wantsScores = false
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            if part == ScoreModelSet.groupingName {
                wantsScores = true
            } else if let grouping = FeatureGrouping(rawValue: part) {
                groupings.insert(grouping)
            } else {
                throw FeatureColumnsError.unknownGrouping(part)
            }
        }
        guard !groupings.isEmpty || wantsScores else { throw FeatureColumnsError.noGrouping }
        if wantsScores && scores.isEmpty { throw FeatureColumnsError.noScoreModels }
        return FeatureColumns(groupings: groupings, scores: wantsScores ? scores : .empty)
    }

    /// Computes one user's row: the written features, then the scores.
    func values(of user: UserData, engine: FeatureEngine, cutoffMillis: Int64) throws -> [FeatureValue] {
        let vector = engine.compute(user: user, cutoffMillis: cutoffMillis, groupings: computed)
        var values = positions.map { $0.map { vector.values[$0] } } ?? vector.values
        if !scores.isEmpty {
            values.reserveCapacity(names.count)
            values.append(contentsOf: try scores.scores(for: vector).map(\.value))
        }
        return values
    }
}

/// A `--groupings` value that names no known grouping.
public enum FeatureColumnsError: CredeauError {
    case unknownGrouping(String)
    case noGrouping
    case noScoreModels

    public var description: String {
        switch self {
        case let .unknownGrouping(name):
            return "Unknown grouping '\(name)' in --groupings; expected sms, extracted_sms, fraud or scores"
        case .noGrouping:
            return "--groupings names no grouping; expected sms, extracted_sms, fraud or scores, separated by commas"
        case .noScoreModels:
            return "The scores grouping needs score models: set SCORE_MODELS_DIR or a model path variable "
                + "(see docs/scores.md)"
        }
    }

    public var exitCode: Int32 { ExitStatus.usage }
}
