/// Computed features: names and values in catalogue order.
public struct FeatureVector: Sendable {
    public let names: [String]
    public let values: [FeatureValue]

    public var count: Int { values.count }

    /// Looks up the value of `name`, or nil when the vector has no such feature. The search is
    /// linear, so build a dictionary from `names` to look up many features.
    public subscript(name: String) -> FeatureValue? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }
}
