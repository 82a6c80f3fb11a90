/// Maps a phone's manufacturer and model to a launch-price estimate and band.
///
/// Two data tables drive it, both tab-separated with `#` comments:
/// - models: `manufacturer`, `model`, `price_inr`, `basis` (`launch` or `estimate`) and an
///   optional fifth column of space-separated model codes (`sm-a135`, `rmx3085`, `iphone14,5`);
/// - brands: a reported brand or manufacturer string, the manufacturer it belongs to, and an
///   optional model prefix (`redmi` belongs to `xiaomi`, Samsung models start with `galaxy`).
///
/// Every price is an estimate of the launch price, not a current market price.
public final class DevicePriceCatalog: Sendable {
    private let models: [String: [String: DeviceModelEntry]]
    private let brands: [String: DeviceBrand]
    private let medians: [String: Int]
    private let entries: [DeviceModelEntry]

    /// Number of listed models.
    public var count: Int { entries.count }

    /// The catalogue built from the compiled-in tables.
    public static let standard: DevicePriceCatalog = {
        do {
            return try DevicePriceCatalog(tsv: DeviceTable.defaultTSV, brandsTSV: DeviceTable.brandsTSV)
        } catch {
            preconditionFailure("The compiled-in device price table is invalid: \(error)")
        }
    }()

    /// Builds a catalogue from table text. A model name or code listed twice for one manufacturer
    /// is an error.
    public convenience init(
        tsv: String, brandsTSV: String, origin: String = "compiled-in device table"
    ) throws(CatalogError) {
        let entries = try DeviceModelEntry.parse(tsv, origin: origin)
        let brands = try DeviceBrand.parse(brandsTSV, origin: origin + " brands")
        try self.init(entries: entries, brands: brands, origin: origin)
    }

    private init(entries: [DeviceModelEntry], brands: [String: DeviceBrand], origin: String) throws(CatalogError) {
        var models: [String: [String: DeviceModelEntry]] = [:]
        var prices: [String: [Int]] = [:]
        for entry in entries {
            let manufacturer = brands[entry.manufacturer]?.manufacturer ?? entry.manufacturer
            for key in [entry.model] + entry.codes {
                guard models[manufacturer]?[key] == nil else {
                    throw .invalidLine(
                        origin: origin, line: entry.lineNumber,
                        reason: "duplicate model or code '\(key)' for manufacturer '\(manufacturer)'")
                }
                models[manufacturer, default: [:]][key] = entry
            }
            prices[manufacturer, default: []].append(entry.priceINR)
        }
        self.models = models
        self.brands = brands
        self.entries = entries
        self.medians = prices.mapValues(Self.median)
    }

    /// Returns a copy in which the rows of `overrideTSV` replace listed models with the same
    /// manufacturer and name, or add new ones.
    public func merging(
        overrideTSV: String, origin: String = "device override table"
    ) throws(CatalogError) -> DevicePriceCatalog {
        let overrides = try DeviceModelEntry.parse(overrideTSV, origin: origin)
        let replaced = Set(overrides.map { canonicalManufacturer($0.manufacturer) + "\t" + $0.model })
        let remaining = entries.filter { !replaced.contains(canonicalManufacturer($0.manufacturer) + "\t" + $0.model) }
        return try DevicePriceCatalog(entries: remaining + overrides, brands: brands, origin: origin)
    }

    /// Returns a copy merged with an override file read from disk.
    public func merging(overrideFile path: String) throws(CatalogError) -> DevicePriceCatalog {
        try merging(overrideTSV: try CatalogTSV.readFile(atPath: path), origin: path)
    }

    /// Looks up a device by the manufacturer and model strings the phone reports
    /// (`Build.MANUFACTURER` and `Build.MODEL` on Android, the machine identifier on iOS).
    ///
    /// An unknown model of a known manufacturer gets the median price of that manufacturer's
    /// listed models, marked `isFallback`. Returns nil when the manufacturer is unknown.
    public func priceBand(manufacturer: String, model: String) -> DevicePrice? {
        let manufacturerKey = canonicalManufacturer(DeviceModelEntry.normalise(manufacturer))
        guard let table = models[manufacturerKey] else { return nil }

        for key in candidateKeys(model: model, manufacturer: manufacturerKey) {
            if let entry = table[key] {
                return DevicePrice(
                    band: DevicePriceBand(priceINR: entry.priceINR), estimateINR: entry.priceINR,
                    matchedKey: key, isFallback: false, basis: entry.basis)
            }
        }
        guard let median = medians[manufacturerKey] else { return nil }
        return DevicePrice(
            band: DevicePriceBand(priceINR: median), estimateINR: median,
            matchedKey: manufacturerKey, isFallback: true, basis: .manufacturerMedian)
    }

    // MARK: - Matching

    private func canonicalManufacturer(_ name: String) -> String {
        brands[name]?.manufacturer ?? name
    }

    /// Lists the keys to try, most literal first: the model as given, its Samsung code stem, the
    /// model without a leading manufacturer name, and the model with the manufacturer's prefix added.
    private func candidateKeys(model: String, manufacturer: String) -> [String] {
        let normalised = DeviceModelEntry.normalise(model)
        if normalised.isEmpty { return [] }
        var keys = [normalised]

        // Samsung codes carry a region suffix after the stem: SM-A135F, SM-A135M, SM-A135F/DS.
        if normalised.hasPrefix("sm-"), normalised.utf8.count > 7 {
            keys.append(String(normalised.prefix(7)))
        }

        var stripped = normalised
        if normalised.hasPrefix(manufacturer + " ") {
            stripped = String(normalised.dropFirst(manufacturer.count + 1))
            keys.append(stripped)
        }

        for prefix in modelPrefixes(of: manufacturer) where !stripped.hasPrefix(prefix + " ") {
            keys.append(prefix + " " + stripped)
        }
        return keys
    }

    private func modelPrefixes(of manufacturer: String) -> [String] {
        var prefixes = [manufacturer]
        if let prefix = brands[manufacturer]?.modelPrefix, !prefix.isEmpty {
            prefixes.insert(prefix, at: 0)
        }
        return prefixes
    }

    private static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
