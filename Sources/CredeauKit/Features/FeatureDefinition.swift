/// Unit a feature value is reported in.
public enum FeatureUnit: String, Sendable {
    case count, inr, days, hours, share, ratio, flag, text, megabytes, seconds, number
}

/// When a feature is null rather than a number.
public enum FeatureNullRule: String, Sendable {
    /// Null only when the source was never synced (or nothing was synced before the cutoff);
    /// zero when it was synced and the window is empty.
    case sourceMissing = "null when source unavailable, else 0"
    /// Also null when the window contains no qualifying event (mean, max, min, latest, days since).
    case emptyWindow = "null when source unavailable or no event in window"
    /// Also null when fewer than two observations exist (standard deviation, CV).
    case fewerThanTwo = "null when source unavailable or fewer than 2 observations"
    /// Also null when the denominator is zero (ratios and shares).
    case zeroDenominator = "null when source unavailable or denominator is 0"
    /// Also null when the synced record lacks the field.
    case fieldMissing = "null when source unavailable or field not reported"
    /// Never null: the feature describes availability itself.
    case never = "never null"
}

/// The documentation of one feature, produced by the same family code that computes it.
public struct FeatureDefinition: Sendable, Equatable {
    public var name: String
    public var grouping: FeatureGrouping
    public var definition: String
    public var window: FeatureWindow?
    public var unit: FeatureUnit
    public var nullRule: FeatureNullRule

    public init(
        name: String, grouping: FeatureGrouping, definition: String, window: FeatureWindow?,
        unit: FeatureUnit, nullRule: FeatureNullRule
    ) {
        self.name = name
        self.grouping = grouping
        self.definition = definition
        self.window = window
        self.unit = unit
        self.nullRule = nullRule
    }
}
