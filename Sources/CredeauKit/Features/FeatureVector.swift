/// Computed features: names and values in catalogue order.
public struct FeatureVector: Sendable {
    public let names: [String]
    public let values: [FeatureValue]

    public var count: Int { values.count }

    /// The value of `name`, or nil when the vector has no such feature. Linear search: build a
    /// dictionary from `names` when looking up many features.
    public subscript(name: String) -> FeatureValue? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }
}
