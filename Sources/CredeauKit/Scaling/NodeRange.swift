/// A recommended node count: run at least `lower` nodes and scale out to at most `upper`.
public struct NodeRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Int
    public var upper: Int

    public init(_ lower: Int, _ upper: Int) {
        precondition(lower >= 1 && lower <= upper, "A node range needs 1 <= lower <= upper, got \(lower)-\(upper).")
        self.lower = lower
        self.upper = upper
    }

    /// Creates a fixed count, as the ladder gives for Kafka brokers at 50K DAU.
    public init(exactly count: Int) {
        self.init(count, count)
    }

    /// `3-5`, or `3` when both bounds are equal.
    public var description: String {
        lower == upper ? "\(lower)" : "\(lower)-\(upper)"
    }
}
