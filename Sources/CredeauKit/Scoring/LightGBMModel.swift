/// A LightGBM model read from its text format (`Booster.save_model()`), predicting as
/// `Booster.predict` does: numerical and categorical splits, the three missing-value types,
/// the objective's output transform, random-forest averaging and a limit on iterations.
///
/// ```swift
/// let model = try LightGBMModel(text: modelText, file: "payday.txt")
/// let probability = model.predict(row)[0]   // row in `featureNames` order, NaN when missing
/// ```
public struct LightGBMModel: Sendable {
    /// Input features in the order `predict` expects them.
    public let featureNames: [String]
    /// Values per prediction: the number of classes for multiclass objectives, otherwise 1.
    public let outputCount: Int
    /// Boosting iterations stored in the file.
    public let storedIterations: Int
    /// Iterations used to predict: all stored ones unless a smaller limit was given.
    public let usedIterations: Int
    let objective: LightGBMObjective
    /// True for random forests (`boosting=rf`), whose prediction is the mean over iterations.
    let averagesOutput: Bool
    let ensemble: TreeEnsemble
    let categories: PandasCategories

    /// Parses and checks a model.
    ///
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - iterationLimit: use only the first N iterations, as `predict(num_iteration=N)` does;
    ///     nil, zero or a negative value uses them all, and so does a value above the stored count.
    public init(text: String, file: String, iterationLimit: Int? = nil) throws(ScoreModelError) {
        let sections = try LightGBMModelText(text: text, file: file)
        let header = LightGBMFieldReader(fields: sections.header, file: file, place: "the header", blockLine: nil)

        let version = try header.text("version")
        guard Self.formatVersions.contains(version) else {
            throw .unsupportedModel(
                file: file, reason: "format version '\(version)' is not one of v2, v3 and v4 (lightgbm 2.x to 4.x)")
        }
        let classCount = try header.integer("num_class")
        let treesPerIteration = try header.integer("num_tree_per_iteration")
        guard classCount >= 1, treesPerIteration == classCount else {
            throw header.fail("num_tree_per_iteration", "num_tree_per_iteration=\(treesPerIteration) does not match num_class=\(classCount)")
        }
        let names = try header.text("feature_names").split(separator: " ").map(String.init)
        let maxFeatureIndex = try header.integer("max_feature_idx")
        guard !names.isEmpty, maxFeatureIndex == names.count - 1 else {
            throw header.fail("feature_names", "max_feature_idx=\(maxFeatureIndex) does not match \(names.count) feature names")
        }
        if let duplicate = Self.firstDuplicate(names) {
            throw header.fail("feature_names", "the feature name '\(duplicate)' appears twice")
        }
        objective = try LightGBMObjective(line: sections.header["objective"], classCount: classCount, file: file)

        var trees: [LightGBMTree] = []
        trees.reserveCapacity(sections.trees.count)
        for block in sections.trees {
            trees.append(try LightGBMTree(block: block, featureCount: names.count, file: file))
        }
        guard !trees.isEmpty else { throw .invalidModel(file: file, line: nil, reason: "the model has no trees") }
        guard trees.count % treesPerIteration == 0 else {
            throw .invalidModel(
                file: file, line: nil, reason: "\(trees.count) trees is not a multiple of num_tree_per_iteration=\(treesPerIteration)")
        }

        featureNames = names
        outputCount = treesPerIteration
        storedIterations = trees.count / treesPerIteration
        if let iterationLimit, iterationLimit > 0 {
            usedIterations = min(iterationLimit, storedIterations)
        } else {
            usedIterations = storedIterations
        }
        averagesOutput = sections.hasAverageOutput
        ensemble = TreeEnsemble(trees: trees, featureCount: names.count)
        categories = try PandasCategories(text: sections, featureCount: names.count, file: file)
    }

    /// Predicts one row holding a value for each of `featureNames`, NaN where missing. The
    /// result has `outputCount` values: class probabilities, a probability or a regression value.
    public func predict(_ row: [Double]) -> [Double] {
        precondition(row.count == featureNames.count, "A LightGBM row needs one value per model feature.")
        var prepared = row
        var output = [Double](repeating: 0, count: outputCount)
        prepared.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                predict(row: input, into: output)
            }
        }
        return output
    }

    /// Predicts into `output` (`outputCount` values). `row` is overwritten with the values the
    /// trees compare, so that scoring needs no second buffer.
    func predict(row: UnsafeMutableBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        for index in row.indices { row[index] = TreeEnsemble.preparedValue(row[index]) }
        for index in output.indices { output[index] = 0 }
        ensemble.addLeafValues(features: UnsafeBufferPointer(row), treeCount: usedIterations * outputCount, into: output)
        if averagesOutput {
            for index in output.indices { output[index] /= Double(usedIterations) }
        }
        objective.apply(to: output)
    }

    /// Text format versions whose trees and decision bits credeau reads. The tests cross-check
    /// v4 models from lightgbm 4.7.0; v2 and v3 use the same fields.
    private static let formatVersions: Set<Substring> = ["v2", "v3", "v4"]

    private static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }
}
