/// One row of the device price table.
struct DeviceModelEntry: Sendable {
    var manufacturer: String
    /// Normalised marketing name (`galaxy a13`, `redmi note 8`).
    var model: String
    var priceINR: Int
    var basis: DevicePriceBasis
    /// Normalised model codes that identify the same phone (`sm-a135`, `rmx3085`).
    var codes: [String]
    var lineNumber: Int

    /// Parses `manufacturer<TAB>model<TAB>price_inr<TAB>basis[<TAB>codes]` lines.
    static func parse(_ tsv: String, origin: String) throws(CatalogError) -> [DeviceModelEntry] {
        var entries: [DeviceModelEntry] = []
        for row in try CatalogTSV.rows(tsv, origin: origin, minimumColumns: 4, maximumColumns: 5) {
            let columns = row.columns
            guard let price = Int(columns[2]), price > 0 else {
                throw .invalidLine(
                    origin: origin, line: row.lineNumber,
                    reason: "invalid price '\(columns[2])', expected a positive whole number of rupees")
            }
            guard let basis = DevicePriceBasis(rawValue: columns[3]), basis != .manufacturerMedian else {
                throw .invalidLine(
                    origin: origin, line: row.lineNumber,
                    reason: "unknown price basis '\(columns[3])', expected 'launch' or 'estimate'")
            }
            let codes = columns.count > 4 ? columns[4].split(separator: " ").map { normalise(String($0)) } : []
            entries.append(DeviceModelEntry(
                manufacturer: normalise(columns[0]), model: normalise(columns[1]), priceINR: price, basis: basis,
                codes: codes.filter { !$0.isEmpty }, lineNumber: row.lineNumber))
        }
        return entries
    }

    /// Lower-cases, drops brackets and underscores, and collapses runs of spaces, so that
    /// `moto g(9) power`, `Moto G9  Power` and `moto_g9_power` give the same key.
    static func normalise(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character == "(" || character == ")" { continue }
            if character.isWhitespace || character == "_" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
        }
        return result
    }
}

/// Manufacturer and model prefix that a reported brand or manufacturer string maps to.
struct DeviceBrand: Sendable {
    /// The manufacturer key used in the model table (`xiaomi` for `redmi`).
    var manufacturer: String
    /// Word that starts the manufacturer's model names when the phone omits it (`galaxy`).
    var modelPrefix: String?

    /// Parses `brand<TAB>manufacturer[<TAB>model prefix]` lines into a map keyed by brand.
    static func parse(_ tsv: String, origin: String) throws(CatalogError) -> [String: DeviceBrand] {
        var brands: [String: DeviceBrand] = [:]
        for row in try CatalogTSV.rows(tsv, origin: origin, minimumColumns: 2, maximumColumns: 3) {
            let brand = DeviceModelEntry.normalise(row.columns[0])
            guard brands[brand] == nil else {
                throw .invalidLine(origin: origin, line: row.lineNumber, reason: "duplicate brand '\(brand)'")
            }
            let prefix = row.columns.count > 2 ? DeviceModelEntry.normalise(row.columns[2]) : ""
            brands[brand] = DeviceBrand(
                manufacturer: DeviceModelEntry.normalise(row.columns[1]), modelPrefix: prefix.isEmpty ? nil : prefix)
        }
        return brands
    }
}
