/// Writes small LightGBM text models by hand, in the layout `Booster.save_model()` uses, for
/// tests that need exact control over one split.
struct ModelTextBuilder {
    var features: [String]
    var objective: String? = "regression"
    var classCount = 1
    var trees: [String] = []
    var averageOutput = false
    var pandasCategorical = "null"
    var categoricalParameter = ""

    /// Returns a tree with one split on `feature`: leaf 0 on the left, leaf 1 on the right.
    static func stump(feature: Int = 0, threshold: String, decisionType: Int, left: Double, right: Double) -> String {
        split(feature: feature, threshold: threshold, decisionType: decisionType, left: left, right: right, categoryLines: [])
    }

    /// Returns a tree with one categorical split: categories whose bit is set in `words` go left.
    static func categoricalStump(feature: Int = 0, words: [UInt32], left: Double, right: Double) -> String {
        split(feature: feature, threshold: "0", decisionType: 1, left: left, right: right, categoryLines: [
            "cat_boundaries=0 \(words.count)", "cat_threshold=\(words.map(String.init).joined(separator: " "))",
        ])
    }

    private static func split(
        feature: Int, threshold: String, decisionType: Int, left: Double, right: Double, categoryLines: [String]
    ) -> String {
        let lines = [
            "num_leaves=2", "num_cat=\(categoryLines.isEmpty ? 0 : 1)", "split_feature=\(feature)", "split_gain=1",
            "threshold=\(threshold)", "decision_type=\(decisionType)", "left_child=-1", "right_child=-2",
            "leaf_value=\(left) \(right)", "leaf_weight=1 1", "leaf_count=1 1", "internal_value=0", "internal_weight=2",
            "internal_count=2",
        ]
        return (lines + categoryLines + ["is_linear=0", "shrinkage=1"]).joined(separator: "\n")
    }

    /// Returns a tree with a single leaf, as LightGBM writes when no split helps.
    static func leaf(_ value: Double) -> String {
        "num_leaves=1\nnum_cat=0\nsplit_feature=\nsplit_gain=\nthreshold=\ndecision_type=\nleft_child=\nright_child=\n"
            + "leaf_value=\(value)\nleaf_weight=\nleaf_count=\ninternal_value=\ninternal_weight=\ninternal_count=\n"
            + "is_linear=0\nshrinkage=1"
    }

    var text: String {
        var lines = ["tree", "version=v4", "num_class=\(classCount)", "num_tree_per_iteration=\(classCount)", "label_index=0",
                     "max_feature_idx=\(features.count - 1)"]
        if let objective { lines.append("objective=\(objective)") }
        if averageOutput { lines.append("average_output") }
        lines.append("feature_names=\(features.joined(separator: " "))")
        lines.append("feature_infos=" + features.map { _ in "[0:1]" }.joined(separator: " "))
        lines.append("tree_sizes=" + trees.map { String($0.utf8.count) }.joined(separator: " "))
        lines.append("")
        for (index, tree) in trees.enumerated() {
            lines.append("Tree=\(index)")
            lines.append(tree)
            lines.append("")
            lines.append("")
        }
        lines += ["end of trees", "", "feature_importances:", "", "parameters:", "[boosting: gbdt]",
                  "[categorical_feature: \(categoricalParameter)]", "end of parameters", "",
                  "pandas_categorical:\(pandasCategorical)", ""]
        return lines.joined(separator: "\n")
    }
}
