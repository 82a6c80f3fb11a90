/// One tree of a LightGBM text model, checked so that evaluating it can neither index out of
/// range nor loop. Every feature index is below the model's feature count, and every child
/// node comes after its parent, because LightGBM numbers nodes in the order it splits them.
struct LightGBMTree {
    var leafValues: [Double]
    var splitFeatures: [Int]
    var thresholds: [Double]
    /// LightGBM's `decision_type` byte: bit 0 categorical, bit 1 default left, bits 2-3 the
    /// missing type (0 None, 1 Zero, 2 NaN).
    var decisionTypes: [UInt8]
    /// A child >= 0 is an internal node; a child < 0 is the leaf `~child`.
    var leftChildren: [Int]
    var rightChildren: [Int]
    /// Category set `i` of a categorical split is `categoryWords[boundaries[i]..<boundaries[i + 1]]`,
    /// a bitset where bit `c` set sends category `c` left.
    var categoryBoundaries: [Int]
    var categoryWords: [UInt32]

    var internalCount: Int { leafValues.count - 1 }

    init(block: LightGBMModelText.TreeBlock, featureCount: Int, file: String) throws(ScoreModelError) {
        let reader = LightGBMFieldReader(fields: block.fields, file: file, place: "tree \(block.index)", blockLine: block.line)
        if reader.contains("is_linear"), try reader.integer("is_linear") != 0 {
            throw .unsupportedModel(
                file: file,
                reason: "tree \(block.index) is a linear tree (trained with linear_tree=true); "
                    + "credeau evaluates only trees with constant leaves, so train without linear_tree")
        }
        let leafCount = try reader.integer("num_leaves")
        guard leafCount >= 1 else { throw reader.fail("num_leaves", "num_leaves must be at least 1, found \(leafCount)") }
        let splitCount = leafCount - 1
        let nodeRange = Int64(-leafCount)...Int64(max(splitCount - 1, 0))

        leafValues = try reader.doubles("leaf_value", count: leafCount)
        splitFeatures = try reader.integers("split_feature", count: splitCount, range: 0...Int64(featureCount - 1))
        thresholds = try reader.doubles("threshold", count: splitCount)
        decisionTypes = try reader.integers("decision_type", count: splitCount, range: 0...15).map { UInt8($0) }
        leftChildren = try reader.integers("left_child", count: splitCount, range: nodeRange)
        rightChildren = try reader.integers("right_child", count: splitCount, range: nodeRange)
        let categorySetCount = reader.contains("num_cat") ? try reader.integer("num_cat") : 0
        guard categorySetCount >= 0 else { throw reader.fail("num_cat", "num_cat is negative") }
        if categorySetCount > 0 {
            categoryBoundaries = try reader.integers(
                "cat_boundaries", count: categorySetCount + 1, range: 0...Int64(Int32.max))
            let wordCount = categoryBoundaries[categorySetCount]
            categoryWords = try reader.integers("cat_threshold", count: wordCount, range: 0...Int64(UInt32.max))
                .map { UInt32($0) }
        } else {
            categoryBoundaries = [0]
            categoryWords = []
        }

        if let bad = leafValues.firstIndex(where: { !$0.isFinite }) {
            throw reader.fail("leaf_value", "leaf \(bad) has the value \(leafValues[bad]), which is not finite")
        }
        guard zip(categoryBoundaries, categoryBoundaries.dropFirst()).allSatisfy({ $0 <= $1 }), categoryBoundaries[0] == 0
        else { throw reader.fail("cat_boundaries", "cat_boundaries must rise from 0") }
        for node in 0..<splitCount {
            try checkNode(node, categorySetCount: categorySetCount, reader: reader)
        }
    }

    private func checkNode(_ node: Int, categorySetCount: Int, reader: LightGBMFieldReader) throws(ScoreModelError) {
        for (key, child) in [("left_child", leftChildren[node]), ("right_child", rightChildren[node])] where child >= 0 && child <= node {
            throw reader.fail(key, "node \(node) has the child node \(child), which does not come after it")
        }
        let decision = decisionTypes[node]
        guard (decision >> 2) & 3 != 3 else {
            throw reader.fail("decision_type", "node \(node) has the unknown missing type 3 in decision_type \(decision)")
        }
        guard decision & 1 != 0 else { return }
        let set = thresholds[node]
        guard set >= 0, set < Double(categorySetCount), set.rounded(.towardZero) == set else {
            throw reader.fail("threshold", "categorical node \(node) names category set \(set), but the tree has \(categorySetCount)")
        }
    }
}
