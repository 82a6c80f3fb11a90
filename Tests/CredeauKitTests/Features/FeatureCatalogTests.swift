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
