import Foundation
import Testing
@testable import CredeauKit

/// Checks on the compiled-in header and alias tables as data.
@Suite struct SenderTableDataTests {
    private static let headers: [SenderInfo] = (try? SenderTableParser.headers(
        from: SenderTable.defaultTSV, origin: "compiled-in sender table")) ?? []
    private static let aliasRows: [SenderTableParser.Row] = (try? SenderTableParser.rows(
        of: InstitutionAliasTable.defaultTSV, origin: "compiled-in alias table", firstColumn: "alias")) ?? []

    /// docs/senders.md, found from this file's path: Tests/CredeauKitTests/Extraction/ is three
    /// folders below the package root.
    private static var documentURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/senders.md")
    }

    @Test func compiledTablesParse() throws {
        _ = try SenderTableParser.headers(from: SenderTable.defaultTSV, origin: "compiled-in sender table")
        let registry = try SenderRegistry(tsv: SenderTable.defaultTSV, aliasTSV: InstitutionAliasTable.defaultTSV)
        #expect(registry.count == Self.headers.count)
        #expect(registry.aliasCount == Self.aliasRows.count)
    }

    @Test func tableHasAtLeast300Headers() {
        #expect(SenderRegistry.standard.count >= 300)
        #expect(Set(Self.headers.map(\.header)).count == Self.headers.count)
    }

    @Test func everySenderTypeButOtherIsUsed() {
        let used = Set(Self.headers.map(\.type))
        for type in SenderType.allCases where type != .other {
            #expect(used.contains(type), "no header row has type '\(type.rawValue)'")
        }
        #expect(!used.contains(.other))
    }

    @Test func institutionNamesAreLowerCaseWithOneSpelling() {
        var spellings: [String: Set<String>] = [:]
        for info in Self.headers {
            #expect(info.name == info.name.lowercased())
            let squeezed = String(info.name.unicodeScalars.filter(CharacterSet.alphanumerics.contains))
            spellings[squeezed, default: []].insert(info.name)
        }
        for (_, names) in spellings {
            #expect(names.count == 1, "one institution is spelled \(names.sorted())")
        }
    }

    @Test func everySourceCodeIsDocumented() throws {
        guard FileManager.default.fileExists(atPath: Self.documentURL.path) else {
            Issue.record("docs/senders.md is missing at \(Self.documentURL.path)")
            return
        }
        let documented = try Self.documentedSourceCodes()
        #expect(documented.count >= 10)

        let sourceColumns = Self.headers.map(\.source) + Self.aliasRows.map { $0.columns[3] }
        for column in sourceColumns {
            for item in column.split(separator: ",") {
                let parts = item.split(separator: ":", maxSplits: 1)
                let code = String(parts[0])
                #expect(documented.contains(code), "source code '\(code)' is not in the docs/senders.md code table")
                if code == "unverified" || code == "page" {
                    #expect(parts.count == 2, "'\(code)' needs ':detail' saying what the row rests on")
                }
            }
        }
    }

    @Test func unverifiedRowsAreFew() {
        let unverified = Self.headers.filter { $0.source.contains("unverified") }
        #expect(!unverified.isEmpty)
        #expect(unverified.count * 10 < Self.headers.count)
    }

    @Test func aliasInstitutionsMatchHeaderTable() throws {
        let registry = SenderRegistry.standard
        let typesByName = Dictionary(grouping: Self.headers, by: \.name).mapValues { Set($0.map(\.type)) }
        for row in Self.aliasRows {
            let name = row.columns[1].lowercased()
            let alias = try #require(SenderTableParser.matchingForm(of: row.columns[0]))
            let mention = try #require(registry.institutionMention(inLowercasedBody: alias))
            #expect(mention.alias == alias, "alias '\(alias)' is shadowed by '\(mention.alias)'")
            #expect(mention.info.name == name)
            if let types = typesByName[name] {
                #expect(types.contains(mention.info.type))
                #expect(!mention.info.header.isEmpty)
            } else {
                #expect(mention.info.header.isEmpty)
            }
        }
    }

    @Test func majorLendersHaveAliases() {
        let lenders = [
            "bajaj finance", "tata capital", "hdb financial services", "l&t finance", "aditya birla finance",
            "muthoot finance", "manappuram finance", "hero fincorp", "home credit", "iifl finance",
            "poonawalla fincorp", "kreditbee", "moneyview", "navi", "fibe", "paysense", "cashe", "mpokket",
            "kissht", "dhani",
        ]
        let aliasedNames = Set(Self.aliasRows.map { $0.columns[1].lowercased() })
        for lender in lenders {
            #expect(aliasedNames.contains(lender), "no alias names '\(lender)'")
        }
    }

    /// Reads the first column of the source-code table: rows of the form "| `code` | meaning |".
    private static func documentedSourceCodes() throws -> Set<String> {
        let text = try String(contentsOf: documentURL, encoding: .utf8)
        var codes: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3).prefix { $0 != "`" }
            codes.insert(String(cell))
        }
        return codes
    }
}
