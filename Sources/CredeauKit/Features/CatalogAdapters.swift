extension FeatureEngine {
    /// The engine with the compiled-in app-category and device-price catalogues, as the CLI and
    /// the services use it.
    public static let standard = FeatureEngine(appCategories: AppCatalog.standard, devicePrices: DevicePriceCatalog.standard)
}

extension AppCatalog: AppCategoryProvider {
    /// The feature category of a package: a risky-tool kind when the catalogue marks one, else
    /// the catalogue category. Tools, business and other apps have no feature category.
    public func featureCategory(forPackage packageName: String) -> FeatureAppCategory? {
        guard let match = match(forPackage: packageName) else { return nil }
        if let risk = match.risk {
            return Self.featureCategory(for: risk)
        }
        return Self.featureCategory(for: match.category)
    }

    static func featureCategory(for risk: AppRiskKind) -> FeatureAppCategory {
        switch risk {
        case .fakeGPS: return .fakeGPS
        case .smsEditor, .callLogEditor: return .smsEditor
        case .appCloner: return .appCloner
        case .autoClicker: return .autoClicker
        case .remoteAccess, .vpn: return .vpnRemoteAccess
        case .rootTool, .emulator, .backupRestore: return .emulatorRootTools
        }
    }

    static func featureCategory(for category: AppCategory) -> FeatureAppCategory? {
        switch category {
        case .lending: return .lending
        case .banking: return .banking
        case .upiWallet: return .upiWallet
        case .investment: return .investment
        case .insurance: return .insurance
        case .bettingGambling: return .gamblingBetting
        case .games: return .gaming
        case .social: return .social
        case .communication: return .communication
        case .dating: return .dating
        case .shopping: return .shopping
        case .foodDelivery: return .foodDelivery
        case .travel: return .travel
        case .ottEntertainment: return .entertainment
        case .education: return .education
        case .productivity: return .productivity
        case .health: return .health
        case .crypto: return .crypto
        case .vpnRemoteAccess: return .vpnRemoteAccess
        case .emulatorRootTools: return .emulatorRootTools
        case .business, .tools, .other: return nil
        }
    }
}

extension DevicePriceCatalog: DevicePriceProvider {
    public func featurePriceBand(manufacturer: String, model: String) -> (band: String, estimateINR: Int)? {
        guard let price = priceBand(manufacturer: manufacturer, model: model) else { return nil }
        return (price.band.rawValue, price.estimateINR)
    }
}
