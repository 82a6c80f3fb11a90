import Testing
@testable import CredeauKit

@Suite struct KeywordCatalogTests {
    let catalog = KeywordCatalog.standard

    @Test func everyFamilyHasKeywords() {
        for family in KeywordFamily.allCases {
            #expect(KeywordTable.defaultTSV.contains("\n\(family.rawValue)\t"), "no keywords for '\(family.rawValue)'")
        }
        #expect(catalog.count >= 250)
    }

    @Test(arguments: [
        ("Papa", KeywordFamily.family), ("Mummy ji", .family), ("mummyji", .family), ("Rahul Bhaiya", .family),
        ("Neha Didi", .family), ("पापा", .family), ("भाई", .family),
        ("KreditBee Loan", .lender), ("Bajaj Finance EMI", .lender), ("Ravi loan agent", .lender),
        ("SBI Branch Manager", .bank), ("HDFC Customer Care", .bank),
        ("Recovery Agent Suresh", .recoveryLegal), ("Advocate Sharma", .recoveryLegal),
        ("Office Boss", .work), ("Priya HR", .work), ("Amit Team Lead", .work),
    ])
    func nameMatchesFamily(name: String, family: KeywordFamily) {
        #expect(catalog.families(in: name).contains(family), "\(catalog.matches(in: name))")
    }

    @Test(arguments: ["Papad wala", "Rahul Sharma", "Grandmaster", "", "  ", "Bhajan Mandali"])
    func plainNameMatchesNothing(name: String) {
        #expect(catalog.families(in: name).isEmpty, "\(catalog.matches(in: name))")
    }

    @Test func phraseNeedsConsecutiveWords() {
        let near = catalog.matches(in: "team of lead singers")
        #expect(!near.contains(KeywordMatch(family: .work, keyword: "team lead")))
        let exact = catalog.matches(in: "Team-Lead")
        #expect(exact.contains(KeywordMatch(family: .work, keyword: "team lead")))
    }

    @Test func matchesKeepTextOrder() {
        let matches = catalog.matches(in: "papa office loan")
        #expect(matches.map(\.family) == [.family, .work, .lender])
    }

    @Test func oneNameCanMatchSeveralFamilies() {
        let families = catalog.families(in: "SBI loan recovery")
        #expect(families == [.bank, .lender, .recoveryLegal])
    }

    @Test func wordsSplitAndLowerCase() {
        #expect(KeywordCatalog.words(in: "Mr. RAHUL_Bhai-2") == ["mr", "rahul", "bhai", "2"])
        #expect(KeywordCatalog.words(in: "Papaji") == ["papaji"])
    }

    @Test(arguments: ["Mr. RAHUL_Bhai-2", "SBI Branch Manager (old)", "papa;office,loan", "A1 b2  C3"])
    func asciiAndUnicodePathsAgree(text: String) {
        // A trailing non-ASCII separator sends the same text down the Unicode path.
        #expect(KeywordCatalog.words(in: text + " \u{00B7}") == KeywordCatalog.words(in: text))
    }

    @Test func honorificIsDroppedOnlyWhenNeeded() {
        #expect(catalog.matches(in: "Bhatiji") == [KeywordMatch(family: .family, keyword: "bhatiji")])
        #expect(catalog.matches(in: "Chachaji") == [KeywordMatch(family: .family, keyword: "chacha")])
        #expect(catalog.matches(in: "Raji").isEmpty)
    }

    @Test func invalidTableIsRejected() {
        #expect(throws: CatalogError.self) { try KeywordCatalog(tsv: "cousins\tbhai\n") }
        #expect(throws: CatalogError.self) { try KeywordCatalog(tsv: "family\t---\n") }
        #expect(throws: CatalogError.self) { try KeywordCatalog(tsv: "family\tbhai\nfamily\tBhai\n") }
    }

    @Test func customTableIsUsed() throws {
        let custom = try KeywordCatalog(tsv: "lender\tacme credit\nwork\tacme\n")
        #expect(custom.families(in: "Acme Credit desk") == [.lender, .work])
        #expect(custom.families(in: "credit acme") == [.work])
    }
}
