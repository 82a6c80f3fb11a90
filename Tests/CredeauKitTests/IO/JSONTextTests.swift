import Foundation
import Testing
@testable import CredeauKit

@Suite struct JSONTextTests {
    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("C:\\path", "\"C:\\\\path\""),
        ("a\nb\r\tc", "\"a\\nb\\r\\tc\""),
        ("\u{08}\u{0C}", "\"\\b\\f\""),
        ("\u{00}\u{01}\u{1F}", "\"\\u0000\\u0001\\u001f\""),
        ("₹ 500 🙏", "\"₹ 500 🙏\""),
        ("line\u{2028}sep\u{2029}", "\"line\\u2028sep\\u2029\""),
        ("dots… end\u{2028}", "\"dots… end\\u2028\""),
        ("", "\"\""),
    ])
    func escapesStrings(text: String, json: String) {
        #expect(JSONText.quoted(text) == json)
    }

    @Test(arguments: ["quote \" back \\ nul \u{00} bell \u{07} rupee ₹ emoji 😀 / slash", "\u{7F}\u{80}é", "\u{1F}\u{20}"])
    func escapedStringsDecodeBack(text: String) throws {
        let json = "[" + JSONText.quoted(text) + "]"
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test(arguments: [
        (1500.0, "1500"), (1500.5, "1500.5"), (12.05, "12.05"), (0.1 + 0.2, "0.3"), (99.999, "100"),
        (-250.75, "-250.75"), (-0.5, "-0.5"), (0.004, "0"), (1234567.891, "1234567.89"),
    ])
    func formatsAmounts(value: Double, text: String) {
        #expect(JSONText.amount(value) == text)
    }

    @Test func nonFiniteAmountsHaveNoText() {
        #expect(JSONText.amount(.nan) == nil)
        #expect(JSONText.amount(.infinity) == nil)
    }
}
