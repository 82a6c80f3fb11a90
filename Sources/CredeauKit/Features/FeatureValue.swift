/// One feature value: JSON `null`, an integer, a double or a string.
public enum FeatureValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case integer(Int64)
    case double(Double)
    case string(String)

    /// Makes an integer value from a Swift `Int`.
    @inline(__always)
    static func int(_ value: Int) -> FeatureValue { .integer(Int64(value)) }

    /// Makes an amount in rupees, rounded to 2 decimal places.
    @inline(__always)
    static func inr(_ value: Double) -> FeatureValue { .double((value * 100).rounded() / 100) }

    /// `numerator / denominator`, or null when the denominator is zero.
    @inline(__always)
    static func ratio(_ numerator: Double, _ denominator: Double) -> FeatureValue {
        denominator == 0 ? .null : .double(numerator / denominator)
    }

    /// `numerator / denominator` for counts, or null when the denominator is zero.
    @inline(__always)
    static func share(_ numerator: Int, _ denominator: Int) -> FeatureValue {
        denominator == 0 ? .null : .double(Double(numerator) / Double(denominator))
    }

    /// Makes 1 for true and 0 for false.
    @inline(__always)
    static func flag(_ value: Bool) -> FeatureValue { .integer(value ? 1 : 0) }

    /// Wraps the integer, or returns null when it is nil.
    @inline(__always)
    static func optionalInt(_ value: Int?) -> FeatureValue {
        guard let value else { return .null }
        return .integer(Int64(value))
    }

    /// Wraps the string, or returns null when it is nil.
    @inline(__always)
    static func optionalString(_ value: String?) -> FeatureValue {
        guard let value else { return .null }
        return .string(value)
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var integerValue: Int64? {
        if case let .integer(value) = self { return value }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case let .double(value): return value
        case let .integer(value): return Double(value)
        default: return nil
        }
    }

    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case let .integer(value): return String(value)
        case let .double(value): return String(value)
        case let .string(value): return "'\(value)'"
        }
    }
}
