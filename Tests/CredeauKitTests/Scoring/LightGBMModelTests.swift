import Foundation
import Testing
@testable import CredeauKit

@Suite struct LightGBMModelTests {
    private func model(_ builder: ModelTextBuilder, iterationLimit: Int? = nil) throws -> LightGBMModel {
        try LightGBMModel(text: builder.text, file: "test.txt", iterationLimit: iterationLimit)
    }

    private func stumpModel(threshold: String = "0.5", decisionType: Int) throws -> LightGBMModel {
        try model(ModelTextBuilder(
            features: ["f0"], trees: [ModelTextBuilder.stump(threshold: threshold, decisionType: decisionType, left: 1, right: 2)]))
    }

    @Test func numericalSplitSendsThresholdLeft() throws {
        let stump = try stumpModel(decisionType: 0)
        #expect(stump.predict([0.5]) == [1])
        #expect(stump.predict([(0.5 as Double).nextUp]) == [2])
        #expect(stump.predict([-.infinity]) == [1])
        #expect(stump.predict([.infinity]) == [2])
    }

    @Test func missingTypeNoneReadsNaNAsZero() throws {
        // Default left is set, but missing type None ignores it.
        #expect(try stumpModel(threshold: "-1", decisionType: 2).predict([.nan]) == [2])
        #expect(try stumpModel(threshold: "1", decisionType: 2).predict([.nan]) == [1])
    }

    @Test func missingTypeZeroSendsZeroDefaultWay() throws {
        let defaultRight = try stumpModel(threshold: "5", decisionType: 4)
        #expect(defaultRight.predict([0]) == [2])
        #expect(defaultRight.predict([-0.0]) == [2])
        #expect(defaultRight.predict([1e-36]) == [2])
        #expect(defaultRight.predict([.nan]) == [2])
        #expect(defaultRight.predict([1]) == [1])
        let defaultLeft = try stumpModel(threshold: "-5", decisionType: 6)
        #expect(defaultLeft.predict([0]) == [1])
        #expect(defaultLeft.predict([-6]) == [1])
        #expect(defaultLeft.predict([-1]) == [2])
    }

    @Test func missingTypeNaNSendsNaNDefaultWay() throws {
        let defaultRight = try stumpModel(threshold: "5", decisionType: 8)
        #expect(defaultRight.predict([.nan]) == [2])
        #expect(defaultRight.predict([0]) == [1])
        let defaultLeft = try stumpModel(threshold: "-5", decisionType: 10)
        #expect(defaultLeft.predict([.nan]) == [1])
        #expect(defaultLeft.predict([0]) == [2])
    }

    @Test func valuesWithinZeroThresholdCountAsZero() throws {
        // LightGBM drops |value| <= 1e-35f from a dense row, so the split compares 0.
        let stump = try stumpModel(threshold: "5e-36", decisionType: 0)
        #expect(stump.predict([9e-36]) == [1])
        #expect(stump.predict([2e-35]) == [2])
    }

    @Test func categoricalSplitReadsBitset() throws {
        // Bits 1 and 3 are set: categories 1 and 3 go left.
        let stump = try model(ModelTextBuilder(
            features: ["f0"], trees: [ModelTextBuilder.categoricalStump(words: [0b1010], left: 1, right: 2)]))
        #expect(stump.predict([1]) == [1])
        #expect(stump.predict([3]) == [1])
        #expect(stump.predict([3.9]) == [1])
        #expect(stump.predict([2]) == [2])
        #expect(stump.predict([0]) == [2])
        #expect(stump.predict([-1]) == [2])
        #expect(stump.predict([.nan]) == [2])
        #expect(stump.predict([33]) == [2])
        #expect(stump.predict([1e20]) == [2])
    }

    @Test func categoricalSplitTruncatesTowardZero() throws {
        let stump = try model(ModelTextBuilder(
            features: ["f0"], trees: [ModelTextBuilder.categoricalStump(words: [0b1, 0b1], left: 1, right: 2)]))
        #expect(stump.predict([-0.5]) == [1])
        #expect(stump.predict([0.99]) == [1])
        #expect(stump.predict([32.5]) == [1])
        #expect(stump.predict([-1]) == [2])
        #expect(stump.predict([2_147_483_648]) == [2])
    }

    @Test(arguments: [
        ("binary sigmoid:0.5", 2.0, 1 / (1 + exp(-1.0))),
        ("cross_entropy", 2.0, 1 / (1 + exp(-2.0))),
        ("regression sqrt", -3.0, -9.0),
        ("regression_l1", -3.0, -3.0),
        ("poisson", 1.0, exp(1.0)),
        ("tweedie", -1.0, exp(-1.0)),
        ("cross_entropy_lambda", 0.5, log1p(exp(0.5))),
    ])
    func objectiveTransformsRawScore(objective: String, raw: Double, expected: Double) throws {
        var builder = ModelTextBuilder(features: ["f0"], objective: objective, trees: [ModelTextBuilder.leaf(raw)])
        #expect(try model(builder).predict([0]) == [expected])
        builder.objective = nil
        #expect(try model(builder).predict([0]) == [raw])
    }

    @Test func multiclassAppliesSoftmax() throws {
        let builder = ModelTextBuilder(
            features: ["f0"], objective: "multiclass num_class:3", classCount: 3,
            trees: [ModelTextBuilder.leaf(1), ModelTextBuilder.leaf(2), ModelTextBuilder.leaf(0.5), ModelTextBuilder.leaf(1)]
                + [ModelTextBuilder.leaf(0), ModelTextBuilder.leaf(0)])
        let probabilities = try model(builder).predict([0])
        let raw = [2.0, 2.0, 0.5]
        let total = raw.map { exp($0 - 2) }.reduce(0, +)
        #expect(probabilities == raw.map { exp($0 - 2) / total })
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-15)
    }

    @Test func randomForestAveragesIterations() throws {
        var builder = ModelTextBuilder(features: ["f0"], objective: "binary sigmoid:1",
                                       trees: [ModelTextBuilder.leaf(0.2), ModelTextBuilder.leaf(0.4)])
        builder.averageOutput = true
        #expect(try model(builder).predict([0]) == [1 / (1 + exp(-0.3))])
    }

    @Test func iterationLimitKeepsFirstTrees() throws {
        let builder = ModelTextBuilder(
            features: ["f0"], trees: [ModelTextBuilder.leaf(1), ModelTextBuilder.leaf(2), ModelTextBuilder.leaf(4)])
        #expect(try model(builder, iterationLimit: 2).predict([0]) == [3])
        #expect(try model(builder, iterationLimit: 2).usedIterations == 2)
        #expect(try model(builder, iterationLimit: 10).predict([0]) == [7])
        #expect(try model(builder, iterationLimit: 0).predict([0]) == [7])
        #expect(try model(builder).storedIterations == 3)
    }

    @Test func windowsLineEndingsAreRead() throws {
        let builder = ModelTextBuilder(features: ["f0"], trees: [ModelTextBuilder.stump(threshold: "0.5", decisionType: 0, left: 1, right: 2)])
        let model = try LightGBMModel(text: builder.text.replacingOccurrences(of: "\n", with: "\r\n"), file: "crlf.txt")
        #expect(model.predict([0]) == [1])
    }
}
