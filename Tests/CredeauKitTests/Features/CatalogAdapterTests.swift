import Testing
@testable import CredeauKit

@Suite struct CatalogAdapterTests {
    @Test func knownPackagesMapToFeatureCategories() {
        let catalog = AppCatalog.standard
        #expect(catalog.featureCategory(forPackage: "com.phonepe.app") == .upiWallet)
        #expect(catalog.featureCategory(forPackage: "com.whatsapp") == .communication)
        #expect(catalog.featureCategory(forPackage: "com.topjohnwu.magisk") == .emulatorRootTools)
        #expect(catalog.featureCategory(forPackage: "org.example.unknown.package") == nil)
    }

    @Test func everyRiskKindHasFeatureCategory() {
        for risk in AppRiskKind.allCases {
            #expect(FeatureAppCategory.allCases.contains(AppCatalog.featureCategory(for: risk)))
        }
    }

    @Test func devicePriceBandUsesCatalogBand() throws {
        let price = try #require(DevicePriceCatalog.standard.priceBand(manufacturer: "samsung", model: "SM-A135F"))
        let adapted = try #require(DevicePriceCatalog.standard.featurePriceBand(manufacturer: "samsung", model: "SM-A135F"))
        #expect(adapted.band == price.band.rawValue)
        #expect(adapted.estimateINR == price.estimateINR)
    }

    @Test func standardEngineCountsCataloguedApps() {
        var user = UserData(clientID: "c", userID: "u")
        user.apps = [
            AppRecord(packageName: "com.phonepe.app", appName: "PhonePe", firstInstallMillis: 1_700_000_000_000,
                      lastUpdateMillis: nil, isSystemApp: false),
        ]
        let vector = FeatureEngine.standard.compute(user: user, cutoffMillis: 1_750_000_000_000, groupings: [.sms])
        let index = vector.names.firstIndex(of: "apps_upi_wallet_count_all")
        #expect(index != nil, "feature apps_upi_wallet_count_all is missing")
        if let index { #expect(vector.values[index] == .integer(1)) }
    }
}
