import CredeauKit

/// Writes a LightGBM text model of random trees over catalogue features, so the scoring
/// benchmark needs neither Python nor a trained model.
///
/// Trees grow as LightGBM grows them: each step splits one leaf, the new internal node takes the
/// next index, the split leaf keeps its index on the left and the new leaf goes right.
/// Thresholds are drawn from the user's own feature values so that both branches are taken.
struct SyntheticLightGBMModel {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func makeText(features: [String], sampleValues: [[Double]], treeCount: Int, leafCount: Int) -> String {
        var lines = [
            "tree", "version=v4", "num_class=1", "num_tree_per_iteration=1", "label_index=0",
            "max_feature_idx=\(features.count - 1)", "objective=binary sigmoid:1",
            "feature_names=\(features.joined(separator: " "))",
            "feature_infos=" + features.map { _ in "none" }.joined(separator: " "), "",
        ]
        for index in 0..<treeCount {
            lines.append("Tree=\(index)")
            lines += makeTree(featureCount: features.count, sampleValues: sampleValues, leafCount: leafCount)
            lines += ["", ""]
        }
        lines += ["end of trees", "", "parameters:", "[boosting: gbdt]", "end of parameters", "", "pandas_categorical:null", ""]
        return lines.joined(separator: "\n")
    }

    private mutating func makeTree(featureCount: Int, sampleValues: [[Double]], leafCount: Int) -> [String] {
        var left: [Int] = [], right: [Int] = [], parentOfLeaf = [-1]
        var features: [Int] = [], thresholds: [Double] = [], decisions: [Int] = []
        for newLeaf in 1..<leafCount {
            let leaf = Int.random(in: 0..<newLeaf, using: &random)
            let node = newLeaf - 1
            let parent = parentOfLeaf[leaf]
            if parent >= 0 {
                if left[parent] == ~leaf { left[parent] = node } else { right[parent] = node }
            }
            left.append(~leaf)
            right.append(~newLeaf)
            parentOfLeaf[leaf] = node
            parentOfLeaf.append(node)

            let feature = Int.random(in: 0..<featureCount, using: &random)
            let values = sampleValues[feature]
            features.append(feature)
            thresholds.append(values.isEmpty ? 0 : values[Int.random(in: 0..<values.count, using: &random)])
            // Numerical splits with missing type NaN, half of them sending missing values left.
            decisions.append(Bool.random(using: &random) ? 8 : 10)
        }
        let leafValues = (0..<leafCount).map { _ in Double.random(in: -0.05...0.05, using: &random) }
        func join<T>(_ values: [T]) -> String { values.map { "\($0)" }.joined(separator: " ") }
        return [
            "num_leaves=\(leafCount)", "num_cat=0", "split_feature=\(join(features))",
            "threshold=\(join(thresholds))", "decision_type=\(join(decisions))",
            "left_child=\(join(left))", "right_child=\(join(right))", "leaf_value=\(join(leafValues))",
            "is_linear=0", "shrinkage=0.05",
        ]
    }
}
