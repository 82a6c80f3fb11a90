import Foundation
import Testing
@testable import CredeauKit

/// One broken model: how it is made from a valid one, a fragment of the expected message, and
/// the line the error must blame (nil when no single line is at fault).
struct InvalidModelCase: Sendable, CustomTestStringConvertible {
    var id: String
    var change: @Sendable (String) -> String
    var fragment: String
    var blamedLine: String?

    var testDescription: String { id }

    init(_ id: String, replace old: String, with new: String, fragment: String, blamedLine: String? = nil) {
        self.id = id
        self.change = { text in
            guard let range = text.range(of: old) else { return "missing '\(old)' in the test model" }
            return text.replacingCharacters(in: range, with: new)
        }
        self.fragment = fragment
        self.blamedLine = blamedLine
    }

    init(_ id: String, cutAt marker: String, fragment: String) {
        self.id = id
        self.change = { text in text.range(of: marker).map { String(text[..<$0.lowerBound]) } ?? text }
        self.fragment = fragment
        self.blamedLine = nil
    }

    init(_ id: String, text: String, fragment: String, blamedLine: String? = nil) {
        self.id = id
        self.change = { _ in text }
        self.fragment = fragment
        self.blamedLine = blamedLine
    }
}

@Suite struct LightGBMModelErrorTests {
    static let valid = ModelTextBuilder(
        features: ["f0", "f1"], objective: "binary sigmoid:1",
        trees: [ModelTextBuilder.stump(feature: 1, threshold: "0.5", decisionType: 2, left: 1, right: 2),
                ModelTextBuilder.stump(feature: 0, threshold: "0.25", decisionType: 8, left: 3, right: 4)]
    ).text

    static let cases: [InvalidModelCase] = [
        InvalidModelCase("empty file", text: "", fragment: "the file is empty"),
        InvalidModelCase("pickle bytes", text: "\u{80}\u{04}\u{95}binary\n", fragment: "expected the first line 'tree'",
                         blamedLine: "\u{80}\u{04}\u{95}binary"),
        InvalidModelCase("JSON dump", text: "{\"name\": \"tree\"}\n", fragment: "expected the first line 'tree'",
                         blamedLine: "{\"name\": \"tree\"}"),
        InvalidModelCase("cut short", cutAt: "Tree=1", fragment: "'end of trees' is missing"),
        InvalidModelCase("text threshold", replace: "threshold=0.5", with: "threshold=0.5x", fragment: "not a number",
                         blamedLine: "threshold=0.5x"),
        InvalidModelCase("short leaf list", replace: "leaf_value=1.0 2.0", with: "leaf_value=1.0",
                         fragment: "has 1 values, expected 2", blamedLine: "leaf_value=1.0"),
        InvalidModelCase("infinite leaf", replace: "leaf_value=1.0 2.0", with: "leaf_value=inf 2.0",
                         fragment: "not finite", blamedLine: "leaf_value=inf 2.0"),
        InvalidModelCase("feature out of range", replace: "split_feature=1", with: "split_feature=2",
                         fragment: "outside 0...1", blamedLine: "split_feature=2"),
        InvalidModelCase("child before parent", replace: "left_child=-1", with: "left_child=0",
                         fragment: "does not come after it", blamedLine: "left_child=0"),
        InvalidModelCase("missing type 3", replace: "decision_type=2", with: "decision_type=12",
                         fragment: "unknown missing type 3", blamedLine: "decision_type=12"),
        InvalidModelCase("category set out of range", replace: "decision_type=2", with: "decision_type=1",
                         fragment: "names category set 0.5, but the tree has 0", blamedLine: "threshold=0.5"),
        InvalidModelCase("linear tree", replace: "is_linear=0", with: "is_linear=1", fragment: "linear tree"),
        InvalidModelCase("tree without leaf count", replace: "num_leaves=2\n", with: "",
                         fragment: "tree 0 has no 'num_leaves' field", blamedLine: "Tree=0"),
        InvalidModelCase("line without equals", replace: "Tree=0\n", with: "Tree=0\ngarbage\n",
                         fragment: "expected 'key=value'", blamedLine: "garbage"),
        InvalidModelCase("tree numbered out of order", replace: "Tree=1", with: "Tree=5",
                         fragment: "expected 'Tree=1'", blamedLine: "Tree=5"),
        InvalidModelCase("format version 1", replace: "version=v4", with: "version=v1", fragment: "format version 'v1'"),
        InvalidModelCase("no format version", replace: "version=v4\n", with: "",
                         fragment: "the header has no 'version' field"),
        InvalidModelCase("unknown objective", replace: "objective=binary sigmoid:1", with: "objective=magic",
                         fragment: "unknown objective 'magic'"),
        InvalidModelCase("ranking objective", replace: "objective=binary sigmoid:1", with: "objective=lambdarank",
                         fragment: "ranks items"),
        InvalidModelCase("text sigmoid", replace: "sigmoid:1", with: "sigmoid:steep",
                         fragment: "sigmoid 'steep' is not a positive number", blamedLine: "objective=binary sigmoid:steep"),
        InvalidModelCase("multiclass objective with one class", replace: "objective=binary sigmoid:1",
                         with: "objective=multiclass num_class:3", fragment: "does not match num_class=1",
                         blamedLine: "objective=multiclass num_class:3"),
        InvalidModelCase("class count without trees per class", replace: "num_class=1", with: "num_class=2",
                         fragment: "does not match num_class=2", blamedLine: "num_tree_per_iteration=1"),
        InvalidModelCase("feature count mismatch", replace: "max_feature_idx=1", with: "max_feature_idx=2",
                         fragment: "does not match 2 feature names", blamedLine: "feature_names=f0 f1"),
        InvalidModelCase("duplicate feature name", replace: "feature_names=f0 f1", with: "feature_names=f0 f0",
                         fragment: "'f0' appears twice", blamedLine: "feature_names=f0 f0"),
        InvalidModelCase("no feature names", replace: "feature_names=f0 f1\n", with: "",
                         fragment: "the header has no 'feature_names' field"),
        InvalidModelCase("broken pandas JSON", replace: "pandas_categorical:null", with: "pandas_categorical:[[",
                         fragment: "not valid JSON", blamedLine: "pandas_categorical:[["),
        InvalidModelCase("pandas lists without columns", replace: "pandas_categorical:null",
                         with: "pandas_categorical:[[\"a\"]]", fragment: "do not match the categorical_feature parameter",
                         blamedLine: "pandas_categorical:[[\"a\"]]"),
    ]

    @Test(arguments: cases)
    func invalidModelIsRejected(_ invalid: InvalidModelCase) {
        let text = invalid.change(Self.valid)
        let error = scoreModelError { () throws(ScoreModelError) in _ = try LightGBMModel(text: text, file: "broken.txt") }
        guard let error else {
            Issue.record("\(invalid.id): the model loaded")
            return
        }
        #expect(error.description.contains("'broken.txt'"))
        #expect(error.description.contains(invalid.fragment), "\(error.description)")
        let expectedLine = invalid.blamedLine.flatMap { blamed in
            text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).firstIndex { $0 == blamed }.map { $0 + 1 }
        }
        if invalid.blamedLine != nil { #expect(expectedLine != nil, "the blamed line is not in the model") }
        if case let .invalidModel(_, line, _) = error {
            #expect(line == expectedLine, "\(error.description)")
        }
    }

    @Test func validBaseModelLoads() throws {
        let model = try LightGBMModel(text: Self.valid, file: "valid.txt")
        #expect(model.featureNames == ["f0", "f1"])
        #expect(model.predict([0, 0]) == [1 / (1 + exp(-4.0))])
    }

    @Test func messageNamesFileAndLine() {
        let text = Self.valid.replacingOccurrences(of: "threshold=0.25", with: "threshold=x")
        let error = scoreModelError { () throws(ScoreModelError) in _ = try LightGBMModel(text: text, file: "models/payday.txt") }
        let line = (text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).firstIndex { $0 == "threshold=x" } ?? -2) + 1
        #expect(error?.description
            == "Invalid LightGBM model 'models/payday.txt' line \(line): tree 1 field 'threshold' contains a value that is not a number; "
            + "export it again with Booster.save_model()")
    }
}
