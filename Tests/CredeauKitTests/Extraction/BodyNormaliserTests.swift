import Testing
@testable import CredeauKit

/// Checks the byte pass that collapses white space and drops `/-` before the patterns run.
@Suite struct BodyNormaliserTests {
    private func normalise(_ body: String) -> (cased: String, lower: String) {
        let input = Array(body.utf8)
        var cased = [UInt8](repeating: 0, count: input.count + 1)
        var lower = [UInt8](repeating: 0, count: input.count + 1)
        let count = input.withUnsafeBufferPointer { bytes in
            cased.withUnsafeMutableBufferPointer { casedBytes in
                lower.withUnsafeMutableBufferPointer { lowerBytes in
                    BodyNormaliser.normalise(bytes, cased: casedBytes.baseAddress!, lower: lowerBytes.baseAddress!)
                }
            }
        }
        return (String(decoding: cased[..<count], as: UTF8.self), String(decoding: lower[..<count], as: UTF8.self))
    }

    @Test(arguments: [
        ("Rs 500  debited", "Rs 500 debited"),
        ("Rs\t500\t\tdebited", "Rs 500 debited"),
        ("Rs\u{00A0}500\u{2009}debited\u{202F}to\u{205F}A\u{3000}B\u{1680}C", "Rs 500 debited to A B C"),
        ("Rs\u{2000}500\u{200A}debited\u{2005}\u{2007}now", "Rs 500 debited now"),
        ("  \t leading and trailing \u{00A0}\n ", "leading and trailing"),
        ("line one \r\nline two\rline three\u{2028}four\u{0085}five", "line one\nline two\nline three\nfour\nfive"),
        ("a \n\n \t b", "a\nb"),
        ("Rs\u{200B}500 to HD\u{2060}FC\u{FEFF}", "Rs500 to HDFC"),
        ("Rs 5000/- debited", "Rs 5000 debited"),
        ("Rs 5000/-. Ref", "Rs 5000. Ref"),
        ("Rs 5000/-only", "Rs 5000 only"),
        ("Bal:Rs.6500/-CR.", "Bal:Rs.6500 CR."),
        ("Rs 5000 /- paid", "Rs 5000 paid"),
        ("Rs 5000/-", "Rs 5000"),
        ("date 12/-3 and a/-b", "date 12/-3 and a/-b"),
        ("₹ 40 नमस्ते 🙂", "₹ 40 नमस्ते 🙂"),
        ("", ""),
        (" \u{00A0}\t\n", ""),
    ])
    func collapsesAndDrops(body: String, expected: String) {
        #expect(normalise(body).cased == expected)
    }

    @Test func lowerCopyHasSameLength() {
        let result = normalise("Spent\u{00A0}INR 845.00\nAxis\tBANK  Card ₹")
        #expect(result.cased == "Spent INR 845.00\nAxis BANK Card ₹")
        #expect(result.lower == "spent inr 845.00\naxis bank card ₹")
        #expect(result.cased.utf8.count == result.lower.utf8.count)
    }

    @Test func neverLongerThanInput() {
        // Every rewrite shrinks or keeps the bytes, so the 4,096-byte cap still bounds the work.
        let body = String(repeating: "x\u{00A0}\u{3000}9/-a\r\n\u{200B}", count: 50)
        #expect(normalise(body).cased.utf8.count <= body.utf8.count)
    }

    @Test func bodyOutputKeepsRawText() {
        let body = "Rs.\u{00A0}500  debited from A/c XX1234 on 01-02-26 to\tSHOP.  "
        let entry = ExtractionTestSupport.extract(body)
        #expect(entry.smsBody == body)
        #expect(entry.amount == 500)
        #expect(entry.transactionParty == "SHOP")
    }
}
