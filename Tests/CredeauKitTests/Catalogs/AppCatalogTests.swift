import Foundation
import Testing
@testable import CredeauKit

@Suite struct AppCatalogTests {
    let catalog = AppCatalog.standard

    @Test func standardTableHasAtLeastThousandPackages() {
        #expect(catalog.count >= 1_000)
    }

    @Test func everyCategoryIsUsed() {
        let used = Set(catalog.entries.map(\.category))
        for category in AppCategory.allCases {
            #expect(used.contains(category), "no listed package has category '\(category.rawValue)'")
        }
    }

    @Test func everyRiskKindIsReachable() {
        let listed = Set(catalog.entries.compactMap(\.risk))
        let inferred = Set(catalog.rules.compactMap(\.risk))
        for risk in AppRiskKind.allCases {
            #expect(listed.contains(risk) || inferred.contains(risk), "no row or rule has risk '\(risk.rawValue)'")
        }
    }

    @Test func riskRowsAreRiskyCategories() {
        let riskyCategories: Set<AppCategory> = [.emulatorRootTools, .vpnRemoteAccess]
        for entry in catalog.entries where entry.risk != nil {
            #expect(
                riskyCategories.contains(entry.category),
                "'\(entry.package)' has a risk kind but category '\(entry.category.rawValue)'")
        }
    }

    @Test func everyRowHasNameAndSource() {
        for entry in catalog.entries {
            #expect(!entry.name.isEmpty, "'\(entry.package)' has no name")
            #expect(!entry.source.isEmpty, "'\(entry.package)' has no source")
        }
    }

    @Test func standardTableHasNoDuplicatePackages() {
        // The parser rejects duplicates, so count raw data lines and compare with the map size.
        let dataLines = AppTable.defaultTSV.split(separator: "\n").filter { line in
            let trimmed = line.trimmingSpaces()
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        #expect(dataLines.count == catalog.count)
    }

    @Test(arguments: [
        ("com.phonepe.app", AppCategory.upiWallet),
        ("com.whatsapp", .communication),
        ("com.topjohnwu.magisk", .emulatorRootTools),
        ("com.kreditbee.android", .lending),
        ("com.sbi.lotusintouch", .banking),
        ("com.nextbillion.groww", .investment),
        ("com.acko.android", .insurance),
        ("com.anydesk.anydeskandroid", .vpnRemoteAccess),
        ("com.lexa.fakegps", .emulatorRootTools),
        ("in.swiggy.android", .foodDelivery),
        ("com.tinder", .dating),
        ("com.binance.dev", .crypto),
    ])
    func knownPackageIsListed(package: String, category: AppCategory) {
        let match = catalog.match(forPackage: package)
        #expect(match?.category == category)
        #expect(match?.isInferred == false)
        #expect(catalog.category(forPackage: package) == category)
    }

    @Test func lookupIgnoresCaseAndSpaces() {
        #expect(catalog.category(forPackage: "  COM.PHONEPE.APP ") == .upiWallet)
        #expect(catalog.category(forPackage: "org.altruist.BajajExperia") == .lending)
        #expect(catalog.category(forPackage: "org.altruist.bajajexperia") == .lending)
    }

    @Test func riskKindIsCarried() {
        #expect(catalog.match(forPackage: "com.lexa.fakegps")?.risk == .fakeGPS)
        #expect(catalog.match(forPackage: "com.lbe.parallel.intl")?.risk == .appCloner)
        #expect(catalog.match(forPackage: "com.teamviewer.quicksupport.market")?.risk == .remoteAccess)
        #expect(catalog.match(forPackage: "com.whatsapp")?.risk == nil)
    }

    @Test(arguments: [
        ("com.sbi.newapp", AppCategory.banking, "com.sbi."),
        ("com.example.instantloanapp", .lending, "loan"),
        ("in.someone.rummyking", .bettingGambling, "rummy"),
        ("com.xyz.teenpattigold", .bettingGambling, "teenpatti"),
        ("com.free.supervpn", .vpnRemoteAccess, "vpn"),
        ("com.bluestacks.newthing", .emulatorRootTools, "com.bluestacks."),
    ])
    func unlistedPackageIsInferred(package: String, category: AppCategory, rule: String) {
        #expect(catalog.entry(forPackage: package) == nil)
        let match = catalog.match(forPackage: package)
        #expect(match?.category == category)
        #expect(match?.isInferred == true)
        #expect(match?.rule == rule)
    }

    @Test func longestPrefixWins() throws {
        let rules = "prefix\tcom.a.\ttools\nprefix\tcom.a.bank\tbanking\ncontains\tbank\tlending\n"
        let custom = try AppCatalog(tsv: "", rulesTSV: rules)
        #expect(custom.match(forPackage: "com.a.bankapp")?.category == .banking)
        #expect(custom.match(forPackage: "com.a.other")?.category == .tools)
        #expect(custom.match(forPackage: "com.b.bankapp")?.category == .lending)
    }

    @Test func unknownPackageHasNoMatch() {
        #expect(catalog.match(forPackage: "org.nothing.matches.here") == nil)
        #expect(catalog.match(forPackage: "") == nil)
    }

    @Test func overrideReplacesAndAddsRows() throws {
        let merged = try catalog.merging(
            overrideTSV: "com.whatsapp\tsocial\tWhatsApp\tlocal\ncom.acme.newlender\tlending\tAcme\tlocal\n",
            overrideRulesTSV: "contains\twhatsapp\tother\n")
        #expect(merged.category(forPackage: "com.whatsapp") == .social)
        #expect(merged.category(forPackage: "com.acme.newlender") == .lending)
        #expect(merged.count == catalog.count + 1)
        #expect(merged.match(forPackage: "com.gbwhatsapp")?.rule == "whatsapp")
        // The original stays untouched.
        #expect(catalog.category(forPackage: "com.whatsapp") == .communication)
    }

    @Test func overrideFileIsRead() throws {
        let merged = try withTemporaryTable("com.acme.lender\tlending\tAcme\tlocal\n") { path in
            try catalog.merging(overrideFile: path)
        }
        #expect(merged.category(forPackage: "com.acme.lender") == .lending)
    }

    @Test func missingOverrideFileThrows() {
        #expect(throws: CatalogError.self) {
            try catalog.merging(overrideFile: "/nonexistent/credeau/apps.tsv")
        }
    }

    @Test(arguments: [
        ("com.a\tlending\tA", "expected 4 to 5 tab-separated columns, found 3"),
        ("com.a\tnotacategory\tA\tknown", "unknown category 'notacategory'"),
        ("com.a\tlending\tA\tknown\tnotarisk", "unknown risk kind 'notarisk'"),
        ("nodots\tlending\tA\tknown", "invalid package name 'nodots'"),
        ("com.a\tlending\tA\tknown\ncom.A\tbanking\tB\tknown", "duplicate package 'com.a'"),
        ("com.a\tlending\t\tknown", "column 3 is empty"),
    ])
    func invalidTableIsRejected(tsv: String, reason: String) {
        #expect(throws: CatalogError.self) { try AppCatalog(tsv: tsv, rulesTSV: "") }
        do {
            _ = try AppCatalog(tsv: tsv, rulesTSV: "", origin: "test")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let custom = try AppCatalog(
            tsv: "# comment\r\ncom.a.one\tlending\tOne\tlocal\r\ncom.a.two\tbanking\tTwo\tlocal\r\n",
            rulesTSV: "contains\tloan\tlending\r\n")
        #expect(custom.count == 2)
        #expect(custom.category(forPackage: "com.a.two") == .banking)
        #expect(custom.match(forPackage: "com.x.myloan")?.rule == "loan")
    }

    @Test func errorNamesLineNumber() {
        do {
            _ = try AppCatalog(tsv: "# header\r\ncom.a.one\tlending\tOne\tlocal\r\nbad line\r\n", rulesTSV: "")
            Issue.record("a table with a one-column line loaded")
        } catch {
            #expect(error == .invalidLine(
                origin: "compiled-in app table", line: 3, reason: "expected 4 to 5 tab-separated columns, found 1"))
        }
    }

    @Test func invalidRuleIsRejected() {
        #expect(throws: CatalogError.self) { try AppCatalog(tsv: "", rulesTSV: "suffix\tx\ttools\n") }
        #expect(throws: CatalogError.self) { try AppCatalog(tsv: "", rulesTSV: "prefix\tx\tnotacategory\n") }
    }

    @Test func manyLookupsComplete() {
        // Runs the lookup path in bulk. The test does not assert the time.
        let packages = ["com.phonepe.app", "com.example.unknown", "com.sbi.other", "COM.WHATSAPP", "in.x.rummy"]
        var listed = 0
        for index in 0..<100_000 {
            if let match = catalog.match(forPackage: packages[index % packages.count]), !match.isInferred {
                listed += 1
            }
        }
        #expect(listed == 40_000)
    }
}
