import Foundation
import Testing
@testable import CredeauKit

@Suite struct FeatureCatalogTests {
    static let compatibilityNames: Set<String> = [
        "all_sms_count", "all_sms_count_nlp", "txn_sms_count_nlp", "credit_sms_count_nlp", "fraud_flag",
        "fraud_flag_reason", "sms_data_null_reason", "apps_data_null_reason", "device_data_null_reason",
        "contacts_data_null_reason", "call_logs_data_null_reason",
    ]

    @Test func catalogueHasAtLeast2000Features() {
        let definitions = FeatureCatalog.standard.definitions
        print("feature counts: total \(definitions.count), "
              + FeatureGrouping.allCases.map { g in "\(g.rawValue) \(definitions.filter { $0.grouping == g }.count)" }
                .joined(separator: ", "))
        #expect(definitions.count >= 2000)
        for grouping in FeatureGrouping.allCases {
            #expect(definitions.contains { $0.grouping == grouping })
        }
    }

    @Test func namesAreUnique() {
        var seen = Set<String>()
        var repeated: [String] = []
        for definition in FeatureCatalog.standard.definitions where !seen.insert(definition.name).inserted {
            repeated.append(definition.name)
        }
        #expect(repeated.isEmpty, "repeated names: \(repeated)")
    }
}

extension FeatureCatalogTests {
    /// `<family>_<measure>_<window>` in lower snake case, `_nlp` exactly in `extracted_sms`.
    static func followsNamingRule(_ definition: FeatureDefinition) -> Bool {
        var name = definition.name
        if compatibilityNames.contains(name) { return true }
        if definition.grouping == .extractedSMS {
            guard name.hasSuffix("_nlp") else { return false }
            name.removeLast(4)
        } else if name.hasSuffix("_nlp") {
            return false
        }
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber } })
        else { return false }
        let windows: Set<String> = ["7d", "15d", "30d", "60d", "90d", "180d", "all", "m0", "m1", "m2", "m3", "m4", "m5"]
        guard let last = parts.last, windows.contains(String(last)) else { return false }
        return definition.window?.token == String(last)
    }

    @Test func everyNameFollowsNamingRule() {
        let broken = FeatureCatalog.standard.definitions.filter { !Self.followsNamingRule($0) }.map(\.name)
        #expect(broken.isEmpty, "names breaking the rule: \(broken.prefix(20))")
    }

    @Test func compatibilityNamesArePresent() {
        let names = Set(FeatureCatalog.standard.definitions.map(\.name))
        for name in Self.compatibilityNames { #expect(names.contains(name), "missing \(name)") }
    }

    @Test func definitionsHaveText() {
        let empty = FeatureCatalog.standard.definitions.filter { $0.definition.isEmpty }.map(\.name)
        #expect(empty.isEmpty)
    }

    @Test func vectorMatchesCatalogueForEveryGrouping() {
        let user = FeatureFixture.user(sms: [FeatureFixture.txn("2026-03-14 10:00:00", .debit, 100)])
        for grouping in FeatureGrouping.allCases {
            let vector = FeatureEngine().compute(user: user, cutoffMillis: FeatureFixture.cutoff, groupings: [grouping])
            #expect(vector.names == FeatureCatalog.standard.names(of: grouping))
            #expect(vector.values.count == vector.names.count)
        }
        // Unsynced sources take the other branches of every family; the count must not change.
        let empty = FeatureEngine().compute(user: UserData(clientID: "c", userID: "u"), cutoffMillis: 0,
                                            groupings: Set(FeatureGrouping.allCases))
        #expect(empty.values.count == FeatureCatalog.standard.definitions.count)
    }

    @Test func groupingSelectionAndOrder() {
        let user = FeatureFixture.user(sms: [])
        let fraudOnly = FeatureEngine().compute(user: user, cutoffMillis: FeatureFixture.cutoff, groupings: [.fraud])
        #expect(fraudOnly.names.contains("fraud_flag"))
        #expect(!fraudOnly.names.contains("all_sms_count"))
        #expect(!fraudOnly.names.contains("all_sms_count_nlp"))
        let two = FeatureEngine().compute(user: user, cutoffMillis: FeatureFixture.cutoff, groupings: [.fraud, .sms])
        let smsCount = FeatureCatalog.standard.names(of: .sms).count
        #expect(two.names.count == smsCount + fraudOnly.names.count)
        #expect(Array(two.names.prefix(smsCount)) == FeatureCatalog.standard.names(of: .sms))
        #expect(two["all_sms_count"] == .integer(0))
        #expect(two["debit_txn_count_30d_nlp"] == nil)
    }

    @Test func catalogueIsDeterministic() {
        #expect(FeatureCatalog().definitions == FeatureCatalog.standard.definitions)
    }

    /// The committed reference must equal the generated text. Set CREDEAU_UPDATE_DOCS=1 (or run
    /// scripts/update-feature-docs.sh) to rewrite docs/features.md.
    @Test func committedDocsMatchCatalogue() throws {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let docsURL = packageRoot.appendingPathComponent("docs/features.md")
        let expected = FeatureCatalog.standard.markdown()
        if ProcessInfo.processInfo.environment["CREDEAU_UPDATE_DOCS"] == "1" {
            try expected.write(to: docsURL, atomically: true, encoding: .utf8)
            return
        }
        let committed = (try? String(contentsOf: docsURL, encoding: .utf8)) ?? ""
        if committed != expected {
            let generatedURL = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-features.md")
            try expected.write(to: generatedURL, atomically: true, encoding: .utf8)
            let message = "docs/features.md is out of date. Generated text written to '\(generatedURL.path)': "
                + "copy it to docs/features.md, or run scripts/update-feature-docs.sh"
            Issue.record("\(message)")
        }
    }
}
