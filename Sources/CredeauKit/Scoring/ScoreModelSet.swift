/// The lender's score models, scoring one user's feature vector.
///
/// Each model adds `score_NAME` (one value per class for multiclass models) and
/// `score_NAME_version` to a response. Models read catalogue features, so compute at least
/// `inputGroupings` before calling `scores(for:)`.
public struct ScoreModelSet: Sendable {
    /// The name of the grouping that contains score features in responses.
    public static let groupingName = "scores"

    /// The positions of model inputs in feature vectors of one grouping selection.
    private struct Layout: Sendable {
        var names: [String]
        /// For each model, the vector index of each model input.
        var positions: [[Int]]
    }

    public let models: [ScoreModel]
    /// Every score feature name, in the order `scores(for:)` returns them.
    public let featureNames: [String]
    /// The groupings whose features the models read.
    public let inputGroupings: Set<FeatureGrouping>
    private let layouts: [Layout]

    public var isEmpty: Bool { models.isEmpty }

    /// A set without models, which adds no features.
    public static let empty = ScoreModelSet(checkedModels: [], catalog: .standard)

    /// Combines models whose score names differ.
    public init(models: [ScoreModel], catalog: FeatureCatalog = .standard) throws(ScoreModelError) {
        var files: [String: [String]] = [:]
        for model in models { files[model.name, default: []].append(model.file) }
        if let (name, paths) = files.first(where: { $0.value.count > 1 }) {
            throw .duplicateName(name: name, files: paths)
        }
        self.init(checkedModels: models, catalog: catalog)
    }

    private init(checkedModels models: [ScoreModel], catalog: FeatureCatalog) {
        self.models = models
        featureNames = models.flatMap(\.outputNames)
        let groupingByName = Dictionary(catalog.definitions.map { ($0.name, $0.grouping) }, uniquingKeysWith: { first, _ in first })
        let needed = Set(models.flatMap { $0.model.featureNames.compactMap { groupingByName[$0] } })
        inputGroupings = needed

        // One layout per grouping selection that contains every input, so that scoring a vector
        // from FeatureEngine.compute needs no name lookups.
        var layouts: [Layout] = []
        let all = FeatureGrouping.allCases
        for mask in 1..<(1 << all.count) {
            let selection = Set(all.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            guard selection.isSuperset(of: needed), !models.isEmpty else { continue }
            let names = catalog.names(of: selection)
            let index = Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            layouts.append(Layout(names: names, positions: models.map { $0.model.featureNames.compactMap { index[$0] } }))
        }
        self.layouts = layouts
    }

    /// Scores one feature vector: `featureNames` with their values.
    ///
    /// - Throws: `ScoreModelError.missingInputs` when the vector lacks a feature a model reads.
    public func scores(for vector: FeatureVector) throws(ScoreModelError) -> [(name: String, value: FeatureValue)] {
        guard !models.isEmpty else { return [] }
        // Arrays from the same catalogue selection share storage, so `==` returns at once.
        let positions: [[Int]]
        if let layout = layouts.first(where: { $0.names == vector.names }) {
            positions = layout.positions
        } else {
            positions = try lookUpPositions(in: vector)
        }
        var result: [(name: String, value: FeatureValue)] = []
        result.reserveCapacity(featureNames.count)
        var row: [Double] = []
        var output: [Double] = []
        for (model, modelPositions) in zip(models, positions) {
            row.removeAll(keepingCapacity: true)
            for (input, position) in modelPositions.enumerated() {
                row.append(model.input(vector.values[position], at: input))
            }
            output = [Double](repeating: 0, count: model.model.outputCount)
            row.withUnsafeMutableBufferPointer { row in
                output.withUnsafeMutableBufferPointer { output in model.model.predict(row: row, into: output) }
            }
            for (name, value) in zip(model.outputNames, output) { result.append((name, .double(value))) }
            result.append((model.outputNames[model.outputNames.count - 1], .string(model.version)))
        }
        return result
    }

    /// Finds model inputs by name, for vectors not built from a catalogue selection.
    private func lookUpPositions(in vector: FeatureVector) throws(ScoreModelError) -> [[Int]] {
        let index = Dictionary(vector.names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var positions: [[Int]] = []
        for model in models {
            let missing = model.model.featureNames.filter { index[$0] == nil }
            guard missing.isEmpty else { throw .missingInputs(model: model.name, names: missing) }
            positions.append(model.model.featureNames.compactMap { index[$0] })
        }
        return positions
    }
}
