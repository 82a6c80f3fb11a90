/// The period a feature looks at. Every window ends at the cutoff and counts India calendar days
/// (UTC+05:30): `days(30)` is the IST date of the cutoff and the 29 dates before it.
public enum FeatureWindow: Sendable, Hashable, CustomStringConvertible {
    /// The last N IST calendar days, cutoff day included.
    case days(Int)
    /// Every event at or before the cutoff, or a snapshot value as of the cutoff.
    case all
    /// Calendar month k before the cutoff's month: `month(0)` is month to date, `month(1)` the
    /// previous complete month.
    case month(Int)

    /// The name token: `7d`, `all`, `m0`.
    public var token: String {
        switch self {
        case let .days(count): return "\(count)d"
        case .all: return "all"
        case let .month(index): return "m\(index)"
        }
    }

    public var description: String {
        switch self {
        case let .days(count): return "last \(count) IST days"
        case .all: return "lifetime"
        case .month(0): return "IST month to date"
        case let .month(index): return "IST calendar month \(index) before the cutoff's"
        }
    }

    /// The 13 standard windows in slot order; slot i is bit i of an event's window mask.
    static let standard: [FeatureWindow] = rolling + months
    /// 7d, 15d, 30d, 60d, 90d, 180d and lifetime: slots 0 to 6.
    static let rolling: [FeatureWindow] = [.days(7), .days(15), .days(30), .days(60), .days(90), .days(180), .all]
    /// m0 to m5: slots 7 to 12.
    static let months: [FeatureWindow] = (0...5).map { .month($0) }

    static let slotCount = 13
    static let allSlot = 6
    static let firstMonthSlot = 7

    /// Returns the slot of a standard window.
    static func slot(of window: FeatureWindow) -> Int {
        switch window {
        case .days(7): return 0
        case .days(15): return 1
        case .days(30): return 2
        case .days(60): return 3
        case .days(90): return 4
        case .days(180): return 5
        case .all: return allSlot
        case let .month(index): return firstMonthSlot + index
        case .days: preconditionFailure("Window \(window.token) has no slot; use a standard window.")
        }
    }
}
