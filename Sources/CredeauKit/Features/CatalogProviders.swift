/// App categories the feature families count. Risky-tool categories feed the fraud grouping.
public enum FeatureAppCategory: String, Sendable, CaseIterable {
    case lending, banking
    case upiWallet = "upi_wallet"
    case investment, insurance
    case gamblingBetting = "gambling_betting"
    case gaming, dating, social, communication, shopping
    case foodDelivery = "food_delivery"
    case travel, entertainment, education, productivity, health, crypto
    case financeOther = "finance_other"
    case vpnRemoteAccess = "vpn_remote_access"
    case emulatorRootTools = "emulator_root_tools"
    case fakeGPS = "fake_gps"
    case smsEditor = "sms_editor"
    case appCloner = "app_cloner"
    case autoClicker = "auto_clicker"
}

/// Maps an Android package name to a feature category; nil for an unknown package.
public protocol AppCategoryProvider: Sendable {
    func featureCategory(forPackage packageName: String) -> FeatureAppCategory?
}

/// Maps a handset to a price band (`budget`, `mid`, `premium`, …) and an estimated price in rupees.
public protocol DevicePriceProvider: Sendable {
    func featurePriceBand(manufacturer: String, model: String) -> (band: String, estimateINR: Int)?
}
