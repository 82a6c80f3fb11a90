/// A rule that guesses the category of an unlisted package from its name.
public struct AppInferenceRule: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The package starts with the pattern (`com.sbi.`).
        case prefix
        /// The pattern occurs anywhere in the package (`rummy`).
        case contains
    }

    public let kind: Kind
    /// Lower-case text to look for.
    public let pattern: String
    public let category: AppCategory
    public let risk: AppRiskKind?
    /// UTF-8 bytes of `pattern`, kept so that lookups do not convert it each time.
    let patternBytes: [UInt8]

    public init(kind: Kind, pattern: String, category: AppCategory, risk: AppRiskKind? = nil) {
        self.kind = kind
        self.pattern = pattern.lowercased()
        self.category = category
        self.risk = risk
        self.patternBytes = Array(self.pattern.utf8)
    }

    var match: AppCategoryMatch {
        AppCategoryMatch(category: category, isInferred: true, risk: risk, rule: pattern)
    }

    /// Parses `kind<TAB>pattern<TAB>category[<TAB>risk]` lines.
    static func parse(_ tsv: String, origin: String) throws(CatalogError) -> [AppInferenceRule] {
        var rules: [AppInferenceRule] = []
        for row in try CatalogTSV.rows(tsv, origin: origin, minimumColumns: 3, maximumColumns: 4) {
            let columns = row.columns
            guard let kind = Kind(rawValue: columns[0]) else {
                throw .invalidLine(
                    origin: origin, line: row.lineNumber,
                    reason: "unknown rule kind '\(columns[0])', expected 'prefix' or 'contains'")
            }
            guard let category = AppCategory(rawValue: columns[2]) else {
                throw .invalidLine(origin: origin, line: row.lineNumber, reason: "unknown category '\(columns[2])'")
            }
            let risk = try parseRisk(columns.count > 3 ? columns[3] : "", origin: origin, line: row.lineNumber)
            rules.append(AppInferenceRule(kind: kind, pattern: columns[1], category: category, risk: risk))
        }
        return rules
    }

    static func parseRisk(_ text: String, origin: String, line: Int) throws(CatalogError) -> AppRiskKind? {
        if text.isEmpty { return nil }
        guard let risk = AppRiskKind(rawValue: text) else {
            throw .invalidLine(origin: origin, line: line, reason: "unknown risk kind '\(text)'")
        }
        return risk
    }
}
