import Foundation
import Testing
@testable import CredeauKit

@Suite struct DevicePriceCatalogTests {
    let catalog = DevicePriceCatalog.standard

    @Test func standardTableHasAtLeast250Models() {
        #expect(catalog.count >= 250)
    }

    @Test func everyRequiredBrandIsCovered() {
        let brands = ["samsung", "xiaomi", "realme", "vivo", "oppo", "oneplus", "motorola", "apple", "nokia",
                      "infinix", "tecno", "itel", "lava"]
        for brand in brands {
            let price = catalog.priceBand(manufacturer: brand, model: "no such model 123")
            #expect(price?.isFallback == true, "no models listed for '\(brand)'")
        }
    }

    @Test(arguments: [
        ("samsung", "SM-A135F", "sm-a135", 14_999, DevicePriceBand.lowerMid),
        ("samsung", "SM-A135F/DS", "sm-a135", 14_999, .lowerMid),
        ("samsung", "Galaxy A13", "galaxy a13", 14_999, .lowerMid),
        ("Samsung", "samsung galaxy a13", "galaxy a13", 14_999, .lowerMid),
        ("samsung", "A13", "galaxy a13", 14_999, .lowerMid),
        ("Xiaomi", "Redmi Note 8", "redmi note 8", 9_999, .budget),
        ("Redmi", "Redmi 9A", "redmi 9a", 6_799, .budget),
        ("Xiaomi", "M2006C3LI", "m2006c3li", 6_799, .budget),
        ("realme", "RMX3085", "rmx3085", 14_999, .lowerMid),
        ("realme", "C11", "realme c11", 7_499, .budget),
        ("OnePlus", "IN2011", "in2011", 41_999, .premium),
        ("motorola", "moto g(9) power", "moto g9 power", 11_999, .lowerMid),
        ("motorola", "edge 20", "motorola edge 20", 29_999, .upperMid),
        ("Apple", "iPhone14,5", "iphone14,5", 79_900, .premium),
        ("HMD Global", "Nokia 5.3", "nokia 5.3", 13_999, .lowerMid),
        ("vivo", "vivo Y20", "vivo y20", 11_490, .lowerMid),
        ("OPPO", "CPH1909", "cph1909", 9_990, .budget),
        ("samsung", "SM-A525F", "sm-a525", 26_499, .upperMid),
        ("samsung", "SM-M215F", "sm-m215", 12_999, .lowerMid),
    ])
    func knownModelIsPriced(manufacturer: String, model: String, key: String, price: Int, band: DevicePriceBand) {
        let result = catalog.priceBand(manufacturer: manufacturer, model: model)
        #expect(result?.matchedKey == key)
        #expect(result?.estimateINR == price)
        #expect(result?.band == band)
        #expect(result?.isFallback == false)
    }

    @Test func unknownModelFallsBackToManufacturerMedian() throws {
        let result = try #require(catalog.priceBand(manufacturer: "samsung", model: "SM-X999Z"))
        #expect(result.isFallback)
        #expect(result.basis == .manufacturerMedian)
        #expect(result.matchedKey == "samsung")
        #expect(result.band == DevicePriceBand(priceINR: result.estimateINR))
    }

    @Test func medianOfSmallTable() throws {
        let tsv = "acme\ta1\t5000\testimate\nacme\ta2\t9000\testimate\nacme\ta3\t30000\tlaunch\n"
        let small = try DevicePriceCatalog(tsv: tsv, brandsTSV: "")
        #expect(small.priceBand(manufacturer: "acme", model: "zzz")?.estimateINR == 9_000)
        #expect(small.priceBand(manufacturer: "acme", model: "a3")?.band == .upperMid)
    }

    @Test func unknownManufacturerHasNoPrice() {
        #expect(catalog.priceBand(manufacturer: "NoSuchMaker", model: "X1") == nil)
        #expect(catalog.priceBand(manufacturer: "", model: "") == nil)
    }

    @Test(arguments: [
        (9_999, DevicePriceBand.budget), (10_000, .lowerMid), (14_999, .lowerMid), (15_000, .mid),
        (24_999, .mid), (25_000, .upperMid), (39_999, .upperMid), (40_000, .premium), (0, .budget),
    ])
    func bandEdges(price: Int, band: DevicePriceBand) {
        #expect(DevicePriceBand(priceINR: price) == band)
    }

    @Test func bandsAreOrdered() {
        #expect(DevicePriceBand.budget < .lowerMid)
        #expect(DevicePriceBand.upperMid < .premium)
        #expect(!(DevicePriceBand.premium < .mid))
    }

    @Test func noDuplicateNamesOrCodes() throws {
        // Loading rejects duplicates, so a second copy of any row must fail.
        let firstRow = try #require(DeviceTable.samsungTSV.split(separator: "\n").first { !$0.hasPrefix("#") })
        #expect(throws: CatalogError.self) {
            try DevicePriceCatalog(tsv: DeviceTable.defaultTSV + "\n" + firstRow, brandsTSV: DeviceTable.brandsTSV)
        }
    }

    @Test func overrideReplacesModelPrice() throws {
        let merged = try catalog.merging(overrideTSV: "samsung\tgalaxy a13\t12999\testimate\tsm-a135\n")
        #expect(merged.priceBand(manufacturer: "samsung", model: "SM-A135F")?.estimateINR == 12_999)
        #expect(merged.count == catalog.count)
        #expect(catalog.priceBand(manufacturer: "samsung", model: "SM-A135F")?.estimateINR == 14_999)
    }

    @Test func overrideFileAddsModel() throws {
        let merged = try withTemporaryTable("lava\tlava agni 2\t21999\tlaunch\n") { path in
            try catalog.merging(overrideFile: path)
        }
        #expect(merged.priceBand(manufacturer: "LAVA", model: "Lava Agni 2")?.estimateINR == 21_999)
        #expect(merged.count == catalog.count + 1)
    }

    @Test(arguments: [
        "acme\ta1\tcheap\testimate", "acme\ta1\t-5\testimate", "acme\ta1\t5000\tguess",
        "acme\ta1\t5000\tmanufacturer_median", "acme\ta1\t5000",
    ])
    func invalidRowIsRejected(tsv: String) {
        #expect(throws: CatalogError.self) { try DevicePriceCatalog(tsv: tsv, brandsTSV: "") }
    }

    @Test func manyLookupsComplete() {
        // Runs the lookup path in bulk. The test does not assert the time.
        let devices = [("samsung", "SM-A135F"), ("Xiaomi", "Redmi Note 8"), ("acme", "x"), ("vivo", "V9999")]
        var listed = 0
        for index in 0..<100_000 {
            let device = devices[index % devices.count]
            if let price = catalog.priceBand(manufacturer: device.0, model: device.1), !price.isFallback {
                listed += 1
            }
        }
        #expect(listed == 50_000)
    }
}
