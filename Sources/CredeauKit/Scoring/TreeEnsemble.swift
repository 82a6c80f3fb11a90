/// Every tree of a model flattened into shared arrays, so scoring walks plain memory with no
/// recursion and no allocation.
///
/// The decision rules follow LightGBM's `Tree::NumericalDecision` and
/// `Tree::CategoricalDecision` (include/LightGBM/tree.h, checked against lightgbm 4.7.0's
/// `Booster.predict` by the score model tests).
struct TreeEnsemble: Sendable {
    struct Node: Sendable {
        /// The split threshold; for a categorical split, the index of its set in `categorySets`.
        var threshold: Double
        var feature: Int32
        /// A child >= 0 indexes `nodes`; a child < 0 is the leaf `~child` of `leafValues`.
        var left: Int32
        var right: Int32
        var decision: UInt8
    }

    /// LightGBM's `kZeroThreshold`: the float constant 1e-35f, widened to double.
    static let zeroThreshold = Double(Float(1e-35))

    private(set) var nodes: [Node] = []
    private(set) var leafValues: [Double] = []
    /// Root of each tree, encoded like a child.
    private(set) var roots: [Int32] = []
    private(set) var categorySets: [(start: Int32, count: Int32)] = []
    private(set) var categoryWords: [UInt32] = []
    let featureCount: Int

    var treeCount: Int { roots.count }

    init(trees: [LightGBMTree], featureCount: Int) {
        self.featureCount = featureCount
        for tree in trees {
            let nodeBase = nodes.count, leafBase = leafValues.count, setBase = categorySets.count
            let encode = { (child: Int) -> Int32 in Int32(child >= 0 ? nodeBase + child : ~(leafBase + ~child)) }
            roots.append(tree.internalCount > 0 ? Int32(nodeBase) : Int32(~leafBase))
            for node in 0..<tree.internalCount {
                let isCategorical = tree.decisionTypes[node] & 1 != 0
                nodes.append(Node(
                    threshold: isCategorical ? tree.thresholds[node] + Double(setBase) : tree.thresholds[node],
                    feature: Int32(tree.splitFeatures[node]),
                    left: encode(tree.leftChildren[node]),
                    right: encode(tree.rightChildren[node]),
                    decision: tree.decisionTypes[node]))
            }
            leafValues += tree.leafValues
            for set in 0..<(tree.categoryBoundaries.count - 1) {
                let start = tree.categoryBoundaries[set], end = tree.categoryBoundaries[set + 1]
                categorySets.append((Int32(categoryWords.count + start), Int32(end - start)))
            }
            categoryWords += tree.categoryWords
        }
    }

    /// Adds the leaf value of trees `0..<treeCount` to `output[tree % output.count]`, tree by tree
    /// in file order as LightGBM's `GBDT::PredictRaw` sums them.
    ///
    /// `features` contains one value per model feature, already converted by `preparedValue`.
    func addLeafValues(features: UnsafeBufferPointer<Double>, treeCount: Int, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(features.count == featureCount && treeCount <= roots.count && !output.isEmpty,
                     "Tree ensemble called with a row of the wrong width or too many trees.")
        let perIteration = output.count
        nodes.withUnsafeBufferPointer { nodes in
            leafValues.withUnsafeBufferPointer { leaves in
                roots.withUnsafeBufferPointer { roots in
                    for tree in 0..<treeCount {
                        var child = roots[tree]
                        while child >= 0 {
                            let node = nodes[Int(child)]
                            child = nextChild(of: node, value: features[Int(node.feature)])
                        }
                        output[tree % perIteration] += leaves[Int(~child)]
                    }
                }
            }
        }
    }

    /// Converts an input value the way LightGBM's dense-row reader does before prediction:
    /// values within ±`zeroThreshold` are dropped, so the tree compares exactly 0.
    @inline(__always)
    static func preparedValue(_ value: Double) -> Double {
        value.isNaN || abs(value) > zeroThreshold ? value : 0
    }

    @inline(__always)
    private func nextChild(of node: Node, value: Double) -> Int32 {
        if node.decision & 1 != 0 {
            return categoryContains(set: Int(node.threshold), value: value) ? node.left : node.right
        }
        let missingType = (node.decision >> 2) & 3
        // Missing type None treats NaN as 0; Zero sends 0 (and NaN) the default way; NaN sends NaN.
        let number = value.isNaN && missingType != 2 ? 0 : value
        let isMissing = missingType == 1 ? (number >= -Self.zeroThreshold && number <= Self.zeroThreshold)
            : missingType == 2 && number.isNaN
        if isMissing { return node.decision & 2 != 0 ? node.left : node.right }
        return number <= node.threshold ? node.left : node.right
    }

    /// LightGBM casts the value to a C `int`, which truncates toward zero, and sends negative
    /// categories right. On x86-64 the cast gives INT_MIN for NaN and for values at or above 2^31,
    /// so those go right too.
    @inline(__always)
    private func categoryContains(set: Int, value: Double) -> Bool {
        guard !value.isNaN, value > -1, value < 2_147_483_648 else { return false }
        let category = Int(value)
        let range = categorySets[set]
        let word = category >> 5
        guard word < Int(range.count) else { return false }
        return (categoryWords[Int(range.start) + word] >> UInt32(category & 31)) & 1 != 0
    }
}
