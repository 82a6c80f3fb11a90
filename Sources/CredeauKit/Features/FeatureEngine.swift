/// Computes every feature of the requested groupings for one user as of a cutoff.
///
/// Nothing after the cutoff is used. SMS and calls are filtered by their own times, and snapshot
/// sources by their own timestamps (apps by first install, contacts by last update, the device
/// by sync time). Every window ends on the cutoff's IST date.
public struct FeatureEngine: Sendable {
    public let appCategories: (any AppCategoryProvider)?
    public let devicePrices: (any DevicePriceProvider)?

    public init(appCategories: (any AppCategoryProvider)? = nil, devicePrices: (any DevicePriceProvider)? = nil) {
        self.appCategories = appCategories
        self.devicePrices = devicePrices
    }

    /// Features of `groupings` (output order sms, extracted_sms, fraud whatever the request order).
    public func compute(user: UserData, cutoffMillis: Int64, groupings: Set<FeatureGrouping>) -> FeatureVector {
        let input = FeatureInput(
            user: user, clock: FeatureClock(cutoffMillis: cutoffMillis), appCategories: appCategories,
            devicePrices: devicePrices)
        let catalog = FeatureCatalog.standard
        var collector = ValueCollector(capacity: catalog.definitions.count)
        for grouping in groupings.sorted() {
            FeatureEngine.emit(grouping, input: input, into: &collector)
        }
        return FeatureVector(names: catalog.names(of: groupings), values: collector.values)
    }

    /// Runs the families of `grouping` in output order. `input` is nil when only definitions are
    /// collected.
    static func emit<S: FeatureSink>(_ grouping: FeatureGrouping, input: FeatureInput?, into sink: inout S) {
        switch grouping {
        case .sms:
            SMSVolumeFamily.emit(input, into: &sink)
            SMSTimeFamily.emit(input, into: &sink)
            SMSCoverageFamily.emit(input, into: &sink)
            AppFamily.emit(input, into: &sink)
            DeviceFamily.emit(input, into: &sink)
            ContactFamily.emit(input, into: &sink)
            CallLogFamily.emit(input, into: &sink)
        case .extractedSMS:
            ClassCountFamily.emit(input, into: &sink)
            TransactionFamily.emit(input, into: &sink)
            RatioFamily.emit(input, into: &sink)
            IncomeFamily.emit(input, into: &sink)
            BalanceFamily.emit(input, into: &sink)
            CreditFamily.emit(input, into: &sink)
            AccountFamily.emit(input, into: &sink)
            QualityFamily.emit(input, into: &sink)
        case .fraud:
            FraudFamily.emit(input, into: &sink)
        }
    }
}
