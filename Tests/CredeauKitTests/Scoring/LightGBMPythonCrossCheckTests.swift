import Foundation
import Testing
@testable import CredeauKit

/// Compares credeau's predictions with Python's `Booster.predict` on models that lightgbm
/// trains in the test run (Tests/ScoreModels/train_models.py).
@Suite struct LightGBMPythonCrossCheckTests {
    /// Every model the training script writes, by name; `scriptTrainsEveryListedModel` keeps the
    /// list and the script in step.
    static let modelNames = [
        "binary", "binary_first_40", "regression_zero_missing", "multiclass", "binary_no_missing", "binary_sigmoid",
        "regression_sqrt", "regression_l1", "huber", "quantile", "fair", "mape", "poisson", "gamma", "tweedie",
        "cross_entropy", "cross_entropy_lambda", "multiclassova", "random_forest", "dart", "goss",
    ]

    static func trained() throws -> TrainedModels? {
        guard let shared = TrainedModels.shared else {
            print("NOTICE: CREDEAU_TEST_PYTHON is unset; skipping the cross-check with Python's lightgbm")
            return nil
        }
        return try shared.get()
    }

    @Test func scriptTrainsEveryListedModel() throws {
        guard let trained = try Self.trained() else { return }
        #expect(trained.cases.map(\.name) == Self.modelNames)
    }

    @Test(arguments: modelNames)
    func predictionsMatchPython(model name: String) throws {
        guard let trained = try Self.trained() else { return }
        let trainedCase = try #require(trained.cases.first { $0.name == name })
        let model = try LightGBMModel(text: trainedCase.modelText, file: "\(name).txt", iterationLimit: trainedCase.iterationLimit)
        #expect(model.featureNames == trained.features)
        #expect(model.outputCount == trainedCase.outputCount)
        #expect(trainedCase.rowCount == 10_000)
        #expect(trainedCase.rows.count == trainedCase.rowCount * trainedCase.featureCount)
        #expect(trainedCase.predictions.count == trainedCase.rowCount * trainedCase.outputCount)

        var mismatches: [String] = []
        for row in 0..<trainedCase.rowCount {
            let input = Array(trainedCase.rows[(row * trainedCase.featureCount)..<((row + 1) * trainedCase.featureCount)])
            let predicted = model.predict(input)
            for output in 0..<trainedCase.outputCount {
                let expected = trainedCase.predictions[row * trainedCase.outputCount + output]
                if !isClose(predicted[output], expected), mismatches.count < 5 {
                    mismatches.append("row \(row) output \(output): credeau \(predicted[output]), Python \(expected), input \(input)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.joined(separator: "\n"))")
    }

    @Test func iterationLimitChangesPredictions() throws {
        guard let trained = try Self.trained() else { return }
        let limited = try #require(trained.cases.first { $0.name == "binary_first_40" })
        let full = try LightGBMModel(text: limited.modelText, file: "binary_first_40.txt")
        let first40 = try LightGBMModel(text: limited.modelText, file: "binary_first_40.txt", iterationLimit: 40)
        #expect(full.usedIterations == 150)
        #expect(first40.usedIterations == 40)
        let row = Array(limited.rows[0..<limited.featureCount])
        #expect(full.predict(row) != first40.predict(row))
    }

    @Test func linearTreesAreRejected() throws {
        guard let trained = try Self.trained() else { return }
        let error = scoreModelError { () throws(ScoreModelError) in _ = try LightGBMModel(text: trained.linearModelText, file: "linear.txt") }
        guard case let .unsupportedModel(file, reason) = error else {
            Issue.record("expected unsupportedModel, got \(String(describing: error))")
            return
        }
        #expect(file == "linear.txt")
        #expect(reason.contains("linear tree"))
    }

    @Test func scoreSetMatchesPythonThroughFeatureVectors() throws {
        guard let trained = try Self.trained() else { return }
        let binary = try #require(trained.cases.first { $0.name == "binary" })
        let model = try ScoreModel(
            name: "default_risk", file: "default_risk.txt", text: binary.modelText, iterationLimit: nil,
            definitions: Self.definitions)
        let set = try ScoreModelSet(models: [model])
        #expect(set.featureNames == ["score_default_risk", "score_default_risk_version"])
        #expect(set.inputGroupings == Set(FeatureGrouping.allCases))

        let names = FeatureCatalog.standard.names(of: Set(FeatureGrouping.allCases))
        let positions = trained.features.map { names.firstIndex(of: $0) ?? -1 }
        var values = [FeatureValue](repeating: .string("not an input"), count: names.count)
        var mismatches: [String] = []
        for row in 0..<2_000 {
            for (input, position) in positions.enumerated() {
                let number = binary.rows[row * binary.featureCount + input]
                // Whole numbers arrive as integers and missing values as null, as the engine emits them.
                values[position] = number.isNaN ? .null
                    : (number.rounded() == number && abs(number) < 1e15 ? .integer(Int64(number)) : .double(number))
            }
            let scores = try set.scores(for: FeatureVector(names: names, values: values))
            try #require(scores.count == 2)
            #expect(scores[1].value == .string(model.version))
            let score = scores[0].value.doubleValue ?? .nan
            if !isClose(score, binary.predictions[row]), mismatches.count < 5 {
                mismatches.append("row \(row): credeau \(score), Python \(binary.predictions[row])")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func textCategoriesMatchPandasCodes() throws {
        guard let trained = try Self.trained() else { return }
        let textCase = trained.textCase
        let model = try ScoreModel(
            name: "brand", file: "text_category.txt", text: textCase.modelText, iterationLimit: nil, definitions: Self.definitions)
        let set = try ScoreModelSet(models: [model])
        let names = textCase.columns
        #expect(names[1] == trained.textFeature)
        #expect(textCase.texts.count == 10_000)
        var mismatches: [String] = []
        for row in 0..<textCase.texts.count {
            let first = textCase.numbers[row * 2], second = textCase.numbers[row * 2 + 1]
            let values: [FeatureValue] = [
                first.isNaN ? .null : .double(first), textCase.texts[row].map { .string($0) } ?? .null, .double(second),
            ]
            let scores = try set.scores(for: FeatureVector(names: names, values: values))
            let score = scores.first?.value.doubleValue ?? .nan
            if !isClose(score, textCase.predictions[row]), mismatches.count < 5 {
                mismatches.append("row \(row) (\(textCase.texts[row] ?? "null")): credeau \(score), Python \(textCase.predictions[row])")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    static let definitions = Dictionary(
        FeatureCatalog.standard.definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
