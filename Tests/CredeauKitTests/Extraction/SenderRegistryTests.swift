import Foundation
import Testing
@testable import CredeauKit

@Suite struct SenderRegistryTests {
    private static let smallTable = """
        # header\tinstitution\ttype\tsource
        HDFCBK\tHDFC Bank\tbank\tpennywise
        AXISCC\taxis bank\tcard\tlifeledger
        AXISBK\taxis bank\tbank\tpennywise
        """

    @Test(arguments: [
        ("VM-HDFCBK", "HDFCBK", "hdfc bank", SenderType.bank),
        ("AD-SBIUPI-S", "SBIUPI", "state bank of india", .bank),
        ("JD-ICICIT-T", "ICICIT", "icici bank", .bank),
        ("BZ-DOPBNK-G", "DOPBNK", "india post", .bank),
        ("XY-BDNSMS-S", "BDNSMS", "bandhan bank", .bank),
        ("JX-CSHfre-S", "CSHFRE", "cashfree", .wallet),
        ("VK-SmplPL", "SMPLPL", "simpl", .wallet),
        ("AX-SBICRD-S", "SBICRD", "sbi card", .card),
        ("JD-BAJAJF-S", "BAJAJF", "bajaj finance", .nbfc),
        ("VA-EPFOHO-G", "EPFOHO", "epfo", .government),
    ])
    func standardResolvesDecoratedHeader(raw: String, header: String, name: String, type: SenderType) throws {
        let result = SenderRegistry.standard.lookup(raw)
        let info = try #require(result.info)
        #expect(result.kind == .header)
        #expect(result.key == header.lowercased())
        #expect(info.header == header)
        #expect(info.name == name)
        #expect(info.type == type)
    }

    @Test func unknownHeaderHasNoInfo() {
        let result = SenderRegistry.standard.lookup("VM-QQQQQQ-S")
        #expect(result.kind == .header)
        #expect(result.key == "qqqqqq")
        #expect(result.info == nil)
    }

    @Test func phoneNumberIsNotLookedUp() {
        let result = SenderRegistry.standard.lookup("+919876543210")
        #expect(result.kind == .phoneNumber)
        #expect(result.info == nil)
    }

    @Test func customTableReplacesStandard() throws {
        let registry = try SenderRegistry(tsv: Self.smallTable)
        #expect(registry.count == 3)
        #expect(registry.lookup("AD-HDFCBK-S").info?.name == "hdfc bank")
        #expect(registry.lookup("AD-SBIUPI-S").info == nil)
        #expect(registry.entries.map(\.header) == ["HDFCBK", "AXISCC", "AXISBK"])
        #expect(registry.institutionMentioned(inLowercasedBody: "paid via hdfc bank") == nil)
    }

    @Test func headerCaseIsIgnoredOnLoadAndLookup() throws {
        let registry = try SenderRegistry(tsv: "SmplPL\tSimpl\tWallet\tscg")
        #expect(registry.info(forHeader: "smplpl")?.type == .wallet)
        #expect(registry.lookup("JK-SMPLPL-S").info?.name == "simpl")
    }

    @Test func aliasResolvesToFirstHeaderOfInstitution() throws {
        let aliases = "axis bank\tAxis Bank\tbank\tname\naxis card\taxis bank\tcard\tname"
        let registry = try SenderRegistry(tsv: Self.smallTable, aliasTSV: aliases)
        #expect(registry.aliasCount == 2)
        #expect(registry.institutionMentioned(inLowercasedBody: "thank you - axis bank")?.header == "AXISBK")
        #expect(registry.institutionMentioned(inLowercasedBody: "your axis card was used")?.header == "AXISCC")
    }

    @Test func aliasOnlyInstitutionHasEmptyHeader() throws {
        let registry = try SenderRegistry(tsv: Self.smallTable, aliasTSV: "kreditbee\tKreditBee\tnbfc\tname")
        let info = try #require(registry.institutionMentioned(inLowercasedBody: "your kreditbee emi is due"))
        #expect(info.header == "")
        #expect(info.name == "kreditbee")
        #expect(info.type == .nbfc)
        #expect(info.source == "name")
    }

    @Test(arguments: [
        ("HDFCBK\thdfc bank\tbank", 2, "expected 4 tab-separated columns, found 3"),
        ("HDFCBK\thdfc bank\tbnak\tpennywise", 2, "unknown sender type 'bnak'"),
        ("HDFC-BK\thdfc bank\tbank\tpennywise", 2, "header 'HDFC-BK' must contain only"),
        ("HDFCBK\t\tbank\tpennywise", 2, "the institution column is empty"),
        ("HDFCBK\thdfc bank\tbank\t", 2, "expected 4 tab-separated columns, found 3"),
        ("HDFCBK\thdfc bank\t\tpennywise", 2, "the type column is empty"),
        ("\n# comment\nSBIUPI\tsbi\tbank\tx\nsbiupi\tsbi\tbank\tx", 5, "header 'SBIUPI' is already defined on line 4"),
    ])
    func invalidHeaderLineIsReported(line: String, lineNumber: Int, message: String) {
        let tsv = "# header\tinstitution\ttype\tsource\n" + line
        let error = #expect(throws: SenderTableError.self) {
            try SenderRegistry(tsv: tsv, origin: "test table")
        }
        #expect(error?.line == lineNumber)
        #expect(error?.description.contains("'test table' line \(lineNumber): ") == true)
        #expect(error?.description.contains(message) == true)
    }

    @Test(arguments: [
        ("hd\thdfc bank\tbank\tname", "alias 'hd' must be at least 3"),
        ("état\thdfc bank\tbank\tname", "must be at least 3 ASCII characters"),
        ("---\thdfc bank\tbank\tname", "with a letter or digit"),
        ("axis  bank\taxis bank\tbank\tname\nAXIS BANK\taxis bank\tbank\tname", "alias 'axis bank' is already defined on line 1"),
        ("hdfc card\thdfc bank\tcard\tname", "gives 'hdfc bank' the type 'card', but the header table lists it as bank"),
    ])
    func invalidAliasLineIsReported(aliasTSV: String, message: String) {
        let error = #expect(throws: SenderTableError.self) {
            try SenderRegistry(tsv: Self.smallTable, aliasTSV: aliasTSV, aliasOrigin: "aliases")
        }
        #expect(error?.description.hasPrefix("Invalid sender table 'aliases' line ") == true)
        #expect(error?.description.contains(message) == true)
    }

    @Test func loadReadsTableFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("senders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let headerPath = directory.appendingPathComponent("headers.tsv").path
        let aliasPath = directory.appendingPathComponent("aliases.tsv").path
        try Self.smallTable.write(toFile: headerPath, atomically: true, encoding: .utf8)
        try "hdfc bank\thdfc bank\tbank\tname\n".write(toFile: aliasPath, atomically: true, encoding: .utf8)

        let registry = try SenderRegistry.load(headerTablePath: headerPath, aliasTablePath: aliasPath)

        #expect(registry.count == 3)
        #expect(registry.institutionMentioned(inLowercasedBody: "-hdfc bank")?.header == "HDFCBK")
    }

    @Test func loadReportsMissingFile() {
        let error = #expect(throws: SenderTableError.self) {
            try SenderRegistry.load(headerTablePath: "/nonexistent/credeau/headers.tsv")
        }
        #expect(error?.description.hasPrefix("Cannot read sender table file '/nonexistent/credeau/headers.tsv'") == true)
        #expect(error?.line == nil)
    }

    @Test func loadReportsBadLineWithFilePath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).tsv").path
        try "HDFCBK\thdfc bank\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let error = #expect(throws: SenderTableError.self) {
            try SenderRegistry.load(headerTablePath: path)
        }
        #expect(error?.description.hasPrefix("Invalid sender table '\(path)' line 1: ") == true)
    }
}
