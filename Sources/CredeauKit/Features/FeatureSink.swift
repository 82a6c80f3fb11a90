/// The receiver of a family's features. Each family writes every feature through one call site
/// that carries both the definition and the value, so the catalogue and the values come from the
/// same loop and cannot drift. Both arguments are autoclosures: the catalogue builder evaluates
/// only definitions (once per process), and the engine evaluates only values (no name building
/// in the hot path).
protocol FeatureSink {
    mutating func add(_ definition: @autoclosure () -> FeatureDefinition, _ value: @autoclosure () -> FeatureValue)
}

/// Collects definitions; values are never evaluated.
struct DefinitionCollector: FeatureSink {
    var definitions: [FeatureDefinition] = []

    mutating func add(_ definition: @autoclosure () -> FeatureDefinition, _ value: @autoclosure () -> FeatureValue) {
        definitions.append(definition())
    }
}

/// Collects values; definitions are never evaluated.
struct ValueCollector: FeatureSink {
    var values: [FeatureValue]

    init(capacity: Int) {
        values = []
        values.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func add(_ definition: @autoclosure () -> FeatureDefinition, _ value: @autoclosure () -> FeatureValue) {
        values.append(value())
    }
}

/// Shortcut for a family's definitions: the grouping and name suffix (`_nlp`) are fixed once.
struct DefinitionFactory {
    let grouping: FeatureGrouping

    /// Makes a definition named `<stem>_<window token>` (plus `_nlp` in the `extracted_sms` grouping).
    func make(
        _ stem: String, _ window: FeatureWindow, _ text: String, _ unit: FeatureUnit, _ nullRule: FeatureNullRule
    ) -> FeatureDefinition {
        let suffix = grouping == .extractedSMS ? "_nlp" : ""
        return FeatureDefinition(
            name: "\(stem)_\(window.token)\(suffix)", grouping: grouping, definition: text, window: window,
            unit: unit, nullRule: nullRule)
    }

    /// Makes a definition whose name is given verbatim (compatibility names and null reasons).
    func verbatim(
        _ name: String, _ window: FeatureWindow?, _ text: String, _ unit: FeatureUnit, _ nullRule: FeatureNullRule
    ) -> FeatureDefinition {
        FeatureDefinition(name: name, grouping: grouping, definition: text, window: window, unit: unit, nullRule: nullRule)
    }
}
