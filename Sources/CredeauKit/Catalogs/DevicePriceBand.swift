/// Launch-price band of a phone model, in INR.
public enum DevicePriceBand: String, CaseIterable, Sendable, Comparable {
    /// Below ₹10,000.
    case budget
    /// ₹10,000 to ₹14,999.
    case lowerMid = "lower_mid"
    /// ₹15,000 to ₹24,999.
    case mid
    /// ₹25,000 to ₹39,999.
    case upperMid = "upper_mid"
    /// ₹40,000 and above.
    case premium

    /// Returns the band that contains a price in whole rupees.
    public init(priceINR: Int) {
        switch priceINR {
        case ..<10_000: self = .budget
        case ..<15_000: self = .lowerMid
        case ..<25_000: self = .mid
        case ..<40_000: self = .upperMid
        default: self = .premium
        }
    }

    public static func < (lhs: DevicePriceBand, rhs: DevicePriceBand) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// Origin of a price: the table's basis column, or the manufacturer-median fallback.
public enum DevicePriceBasis: String, Sendable {
    /// The launch price of the base variant as publicly reported at launch.
    case launch
    /// An approximate launch price: the authors were unsure of the exact figure.
    case estimate
    /// No row matched the model, so the price is the median of the manufacturer's listed models.
    case manufacturerMedian = "manufacturer_median"
}

/// Price estimate for one device.
public struct DevicePrice: Sendable, Equatable {
    public var band: DevicePriceBand
    /// Launch price estimate in whole rupees.
    public var estimateINR: Int
    /// The table key that matched: a model name (`galaxy a13`), a model code (`sm-a135`), or
    /// the manufacturer when `isFallback` is true.
    public var matchedKey: String
    /// True when the model was not found, so the price is the manufacturer median.
    public var isFallback: Bool
    public var basis: DevicePriceBasis
}
