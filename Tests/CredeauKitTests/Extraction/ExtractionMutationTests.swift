import Foundation
import Testing
@testable import CredeauKit

/// Runs every bundled case again with its body rewritten in a way that keeps its meaning
/// (other space characters, tabs, doubled spaces, flattened lines, `/-` after amounts, a minus
/// before the balance) and requires the same extracted fields.
@Suite struct ExtractionMutationTests {
    struct Case {
        var id: String
        var sender: String?
        var body: String
        var expectedBalance: Double?
    }

    static let cases: [Case] = {
        let path = ExtractionCorpusTests.packageRoot.appendingPathComponent("Tests/CredeauKitTests/Fixtures/extraction-cases.jsonl").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String else { return nil }
            let balance = ((object["expect"] as? [String: Any])?["balance"] as? NSNumber)?.doubleValue
            return Case(id: id, sender: object["sender"] as? String, body: body, expectedBalance: balance)
        }
    }()

    /// Every space character the normaliser maps to an ASCII space.
    static let unicodeSpaces: [Character] = ["\u{00A0}", "\u{1680}", "\u{202F}", "\u{205F}", "\u{3000}"]
        + (0x2000...0x200A).map { Character(Unicode.Scalar($0)!) }

    static let whitespaceMutations: [(name: String, rewrite: @Sendable (String) -> String)] = {
        var list: [(String, @Sendable (String) -> String)] = unicodeSpaces.map { space in
            ("U+\(String(space.unicodeScalars.first!.value, radix: 16, uppercase: true))", { $0.replacingOccurrences(of: " ", with: String(space)) })
        }
        list.append(("tab", { $0.replacingOccurrences(of: " ", with: "\t") }))
        list.append(("doubled spaces", { $0.replacingOccurrences(of: " ", with: "  ") }))
        list.append(("mixed run", { $0.replacingOccurrences(of: " ", with: " \t\u{00A0}\u{2009}") }))
        list.append(("CRLF", { $0.replacingOccurrences(of: "\n", with: "\r\n") }))
        list.append(("blank lines", { $0.replacingOccurrences(of: "\n", with: " \n\n ") }))
        list.append(("trailing white space", { $0 + "  \n\t" }))
        list.append(("leading white space", { " \u{00A0}" + $0 }))
        list.append(("zero-width space", { $0.replacingOccurrences(of: "Rs", with: "Rs\u{200B}") }))
        return list
    }()

    /// Returns the fields compared between a case and its rewritten body.
    private func fields(_ entry: ExtractedSMS, hash: Bool = true) -> [String] {
        let money = { (value: Double?) in value.map { String(format: "%.2f", $0) } ?? "nil" }
        return [entry.smsType.rawValue, entry.smsNLPTag, entry.transactionType?.rawValue ?? "nil", money(entry.amount),
                entry.accountLastDigits ?? "nil", entry.accountType?.rawValue ?? "nil", money(entry.availableBalance),
                money(entry.outstandingAmount), entry.transactionParty ?? "nil", entry.referenceNumber ?? "nil",
                entry.transactionChannel?.rawValue ?? "nil", money(entry.dueAmount), entry.dueDate ?? "nil",
                "\(entry.isExtracted)", hash ? entry.templateHash : ""]
    }

    private func extract(_ item: Case, body: String) -> ExtractedSMS {
        ExtractionTestSupport.extractor.extract(RawSMS(id: item.id, sender: item.sender, body: body, inboxDateMillis: nil), createdAtMillis: 0)
    }

    /// Returns one line per case whose rewritten body gives other fields than the case itself.
    private func differences(_ rewrite: (String) -> String, hash: Bool = true) -> [String] {
        Self.cases.compactMap { item in
            let mutated = rewrite(item.body)
            let expected = fields(extract(item, body: item.body), hash: hash)
            let found = fields(extract(item, body: mutated), hash: hash)
            return expected == found ? nil : "\(item.id): \(expected) became \(found) for \(mutated.debugDescription)"
        }
    }

    @Test func casesAreLoaded() {
        #expect(Self.cases.count >= 400)
    }

    @Test(arguments: whitespaceMutations.map(\.name))
    func whiteSpaceKeepsFields(mutation: String) throws {
        let rewrite = try #require(Self.whitespaceMutations.first { $0.name == mutation }).rewrite
        let failures = differences(rewrite)
        #expect(failures.isEmpty, "\(failures.count) cases changed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func flattenedLinesKeepFields() {
        // The template hash already treats a line break as a space.
        let failures = differences { $0.replacingOccurrences(of: "\n", with: " ") }
        #expect(failures.isEmpty, "\(failures.count) cases changed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func slashDashSuffixKeepsFields() throws {
        // "Rs 5,000.00" and "Rs 5,000" become "Rs 5,000/-", which states the same whole rupees.
        // An amount glued to a word ("Rs.6500.00CR") is left alone, because "6500/-CR" reads as
        // two tokens where "6500.00CR" is one, and the template hash differs.
        let amount = try NSRegularExpression(pattern: "((?:Rs\\.?|INR|₹)\\s?[0-9][0-9,]*)(?:\\.00)?(?![0-9.a-z])", options: [.caseInsensitive])
        let rewrite = { (body: String) -> String in
            amount.stringByReplacingMatches(in: body, range: NSRange(body.startIndex..., in: body), withTemplate: "$1/-")
        }
        let changed = Self.cases.filter { rewrite($0.body) != $0.body }.count
        #expect(changed >= 100, "only \(changed) cases hold a whole-rupee amount")
        let failures = differences(rewrite)
        #expect(failures.isEmpty, "\(failures.count) cases changed:\n\(failures.joined(separator: "\n"))")
    }

    @Test func minusBeforeBalanceIsNegative() throws {
        // Puts a minus before the balance figure of every case that expects one, keeping a
        // space or a dot before the sign ("Bal: -2,300.00", "Rs.-2300", "INR -2300").
        let figure = try NSRegularExpression(pattern: "(?i)bal[^0-9\\n]{0,40}?([0-9][0-9,]*(?:\\.[0-9]+)?)")
        var checked = 0
        for item in Self.cases {
            guard let balance = item.expectedBalance else { continue }
            let whole = NSRange(item.body.startIndex..., in: item.body)
            let match = figure.matches(in: item.body, range: whole).first { match in
                let text = (item.body as NSString).substring(with: match.range(at: 1)).replacingOccurrences(of: ",", with: "")
                return Double(text).map { abs($0 - balance) < 0.005 } ?? false
            }
            guard let match, let start = Range(match.range(at: 1), in: item.body)?.lowerBound else { continue }
            let before = item.body[..<start].last
            let sign = before == " " || before == "." ? "-" : " -"
            let body = String(item.body[..<start]) + sign + String(item.body[start...])
            let entry = extract(item, body: body)
            #expect(entry.availableBalance.map { abs($0 + balance) < 0.005 } == true,
                    "\(item.id): expected -\(balance), got \(String(describing: entry.availableBalance)) for \(body.debugDescription)")
            checked += 1
        }
        #expect(checked >= 30, "only \(checked) cases have a balance to negate")
    }

    @Test(arguments: [
        ("Avl Bal Rs -2,300.00", -2300.0),
        ("Avl Bal: -2300.00", -2300),
        ("Avl Bal Rs.-2300", -2300),
        ("Avl Bal INR -45.50", -45.5),
        ("CLR BAL -12,450.00", -12450),
        ("Avl Bal is -2300", -2300),
        ("Avl Bal:-2300.00", 2300),
        ("Avl Bal - 2300.00", 2300),
        ("Avl Bal-2300.00", 2300),
        ("Bal:-2300.00", 2300),
        ("Avl Bal:- Rs 2300.00", 2300),
    ])
    func balanceSign(tail: String, expected: Double) {
        let entry = ExtractionTestSupport.extract("Rs 95.00 debited from A/c XX217 on 02-03-26 to SHOP. \(tail)")
        #expect(entry.availableBalance == expected)
    }
}
