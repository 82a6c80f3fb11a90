/// Device metadata from the last snapshot at or before the cutoff (`sms` grouping).
enum DeviceFamily {
    private static let factory = DefinitionFactory(grouping: .sms)

    private static func text(_ stem: String, _ what: String) -> FeatureDefinition {
        factory.make(stem, .all, "\(what), from the last device snapshot at or before the cutoff", .text, .fieldMissing)
    }

    private static func number(_ stem: String, _ what: String, _ unit: FeatureUnit) -> FeatureDefinition {
        factory.make(stem, .all, "\(what), from the last device snapshot at or before the cutoff", unit, .fieldMissing)
    }

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let device = input?.device
        let price = device.flatMap { device -> (band: String, estimateINR: Int)? in
            guard let manufacturer = device.manufacturer, let model = device.model else { return nil }
            return input?.devicePrices?.featurePriceBand(manufacturer: manufacturer, model: model)
        }
        sink.add(factory.verbatim("device_data_null_reason", nil,
                                  "Why device features are null: not_synced or no_data_before_cutoff; null when a "
                                  + "snapshot is available", .text, .never),
                 .optionalString(input?.deviceNullReason))
        sink.add(text("device_platform_value", "Platform: android or ios"), .optionalString(device?.platform.rawValue))
        sink.add(text("device_manufacturer_value", "Manufacturer (brand) as reported"), .optionalString(device?.manufacturer))
        sink.add(text("device_model_value", "Model as reported"), .optionalString(device?.model))
        sink.add(text("device_os_version_value", "Operating system version"), .optionalString(device?.osVersion))
        sink.add(number("device_sdk_int_value", "Android SDK level", .number), .optionalInt(device?.sdkInt))
        sink.add(number("device_ram_value", "Total RAM in MB", .megabytes), .optionalInt(device?.totalRAMMegabytes))
        sink.add(number("device_storage_total_value", "Total storage in MB", .megabytes),
                 .optionalInt(device?.totalStorageMegabytes))
        sink.add(number("device_storage_free_value", "Free storage in MB", .megabytes),
                 .optionalInt(device?.freeStorageMegabytes))
        sink.add(number("device_storage_free_share", "Free storage divided by total storage", .share),
                 device.map { device in
                     guard let free = device.freeStorageMegabytes, let total = device.totalStorageMegabytes else {
                         return .null
                     }
                     return .share(free, total)
                 } ?? .null)
        sink.add(text("device_price_band_value", "Price band of the model from the device price table"),
                 .optionalString(price?.band))
        sink.add(number("device_price_estimate_value", "Estimated model price in rupees from the device price table",
                        .inr),
                 .optionalInt(price?.estimateINR))
        sink.add(number("device_sim_count_value", "Number of SIM cards", .count), .optionalInt(device?.simCount))
        sink.add(text("device_carrier_value", "Mobile carrier"), .optionalString(device?.carrier))
        sink.add(text("device_language_value", "Device language"), .optionalString(device?.language))
        sink.add(text("device_timezone_value", "Device time zone"), .optionalString(device?.timezone))
        sink.add(factory.make("device_age_days", .all, "IST days from the device's first_seen_at to the cutoff date",
                              .days, .fieldMissing),
                 device.flatMap { device in
                     device.firstSeenMillis.flatMap { seen in
                         input.map { .int($0.clock.cutoffDay - FeatureClock.day(of: min(seen, $0.cutoff))) }
                     }
                 } ?? .null)
    }
}
