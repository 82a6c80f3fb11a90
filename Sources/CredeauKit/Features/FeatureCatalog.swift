/// Every feature's definition, produced by running the families without a user, so the
/// catalogue and the computed values come from the same code.
public struct FeatureCatalog: Sendable {
    public let definitions: [FeatureDefinition]
    private let namesByGrouping: [FeatureGrouping: [String]]
    /// Output names of every non-empty grouping selection, keyed by `selectionKey`, so that a
    /// request shares one array instead of copying thousands of names.
    private let namesBySelection: [Int: [String]]

    /// The catalogue of the standard families, built once per process.
    public static let standard = FeatureCatalog()

    init() {
        var all: [FeatureDefinition] = []
        var names: [FeatureGrouping: [String]] = [:]
        for grouping in FeatureGrouping.allCases.sorted() {
            var collector = DefinitionCollector()
            FeatureEngine.emit(grouping, input: nil, into: &collector)
            names[grouping] = collector.definitions.map(\.name)
            all.append(contentsOf: collector.definitions)
        }
        definitions = all
        namesByGrouping = names
        var selections: [Int: [String]] = [:]
        for key in 1..<(1 << FeatureGrouping.allCases.count) {
            let chosen = FeatureGrouping.allCases.sorted().filter { key & (1 << $0.order) != 0 }
            selections[key] = chosen.flatMap { names[$0] ?? [] }
        }
        namesBySelection = selections
    }

    static func selectionKey(_ groupings: Set<FeatureGrouping>) -> Int {
        groupings.reduce(0) { $0 | (1 << $1.order) }
    }

    /// Feature names of a grouping selection in output order (sms, extracted_sms, fraud).
    public func names(of groupings: Set<FeatureGrouping>) -> [String] {
        namesBySelection[FeatureCatalog.selectionKey(groupings)] ?? []
    }

    /// Feature names of one grouping in output order.
    public func names(of grouping: FeatureGrouping) -> [String] {
        namesByGrouping[grouping] ?? []
    }

    /// Renders the Markdown reference committed as `docs/features.md`: conventions, then one
    /// table row per feature.
    public func markdown() -> String {
        var lines: [String] = []
        lines.append("# Feature reference")
        lines.append("")
        lines.append("Generated from the feature families by `FeatureCatalog.markdown()`; do not edit by hand.")
        lines.append("Run `scripts/update-feature-docs.sh` after changing a family.")
        lines.append("")
        lines.append("Conventions:")
        lines.append("")
        lines.append("- Names follow `<family>_<measure>_<window>`, plus `_nlp` for every feature of the "
                     + "`extracted_sms` grouping. Window tokens: `7d`, `15d`, `30d`, `60d`, `90d`, `180d` "
                     + "(the last N IST calendar days, cutoff day included), `all` (lifetime, or a snapshot value "
                     + "as of the cutoff), `m0` (IST month to date) and `m1` to `m5` (previous complete months).")
        lines.append("- Days and months are India calendar days (UTC+05:30). Nothing after the cutoff is used: an "
            + "event counts by its own time (an SMS by its received time, duplicates included, a call by its date) "
            + "whenever it was synced, and a contact or app without a time of its own from the first sync that "
            + "carried it.")
        lines.append("- A device's `first_seen_at`, an app's install or update time and a contact's `updated_at` "
            + "count as not reported when they are before 2000-01-01 IST or more than one day after the sync "
            + "that carried them (the range of an SMS inbox date, see sync-db.md). So a `first_seen_at` of 0 "
            + "leaves `device_age_days_all`, `sms_before_device_first_seen_count_all` and "
            + "`short_history_old_device_flag_all` null, and no fraud rule fires from it.")
        lines.append("- SMS are de-duplicated by id and by (sender, body, received second) before anything else "
                     + "is counted.")
        lines.append("- A source that was never synced, whose every document was unreadable, or that had nothing "
                     + "before the cutoff gives null features and a `<source>_data_null_reason`; a synced source "
                     + "with no events gives zeros.")
        lines.append("- Amounts are rupees rounded to 2 decimal places; standard deviations divide by n.")
        lines.append("- Verbatim compatibility names: `all_sms_count`, `all_sms_count_nlp`, `txn_sms_count_nlp`, "
                     + "`credit_sms_count_nlp`, `fraud_flag`, `fraud_flag_reason`, and the "
                     + "`<source>_data_null_reason` features.")
        lines.append("")

        for grouping in FeatureGrouping.allCases.sorted() {
            let count = definitions.filter { $0.grouping == grouping }.count
            lines.append("- `\(grouping.rawValue)`: \(count) features")
        }
        lines.append("- total: \(definitions.count) features")
        lines.append("")

        lines.append("| name | grouping | window | unit | null rule | definition |")
        lines.append("|---|---|---|---|---|---|")
        for definition in definitions {
            let window = definition.window.map(\.token) ?? "-"
            lines.append("| `\(definition.name)` | \(definition.grouping.rawValue) | \(window) | "
                         + "\(definition.unit.rawValue) | \(definition.nullRule.rawValue) | "
                         + "\(definition.definition.replacingPipes()) |")
        }
        lines.append("")
        lines.append(contentsOf: ScoreFeatureDocs.markdownLines)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Escapes `|` so that the text stays inside one Markdown table cell.
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
