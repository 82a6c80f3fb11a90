import Testing
@testable import CredeauKit

/// Checks the byte pass that collapses white space and drops `/-` before the patterns run.
@Suite struct BodyNormaliserTests {
    private func normalise(_ body: String) -> (cased: String, lower: String) {
        let (cased, lower) = normalisedBytes(body)
        return (String(decoding: cased, as: UTF8.self), String(decoding: lower, as: UTF8.self))
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
        ("Bal\u{FF1A}Rs\u{FF0E}\u{FF15}\u{FF10}\u{FF10} \u{FF29}\u{FF2E}\u{FF32}", "Bal:Rs.500 INR"),
        ("D\u{2019}Souza \u{201C}Ref\u{201D} \u{2018}x\u{2019}", "D'Souza \"Ref\" 'x'"),
        ("\u{FF01}\u{FF5E}\u{FF40}\u{FF3F}", "!~`_"),
        ("1\u{FF0F}- and \u{FF11}/-x", "1/- and 1 x"),
        ("\u{FF00}\u{FF5F}\u{FF61}", "\u{FF00}\u{FF5F}\u{FF61}"),
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

    @Test func fullWidthFormsExtractLikeASCII() {
        let ascii = ExtractionTestSupport.extract("Rs.500.00 debited from A/c XX1234 on 01-02-26. Avl Bal:Rs.2,300.00")
        let wide = ExtractionTestSupport.extract(
            "Rs\u{FF0E}５００.00 debited from A\u{FF0F}c XX1234 on 01-02-26. Avl Bal\u{FF1A}Rs.2,300.00")
        #expect(ascii.amount == 500)
        #expect(ascii.availableBalance == 2300)
        #expect(wide.amount == ascii.amount)
        #expect(wide.availableBalance == ascii.availableBalance)
        #expect(wide.accountLastDigits == ascii.accountLastDigits)
        #expect(wide.smsType == ascii.smsType)
        #expect(wide.templateHash == ascii.templateHash)
    }

    @Test func bodyOutputKeepsRawText() {
        let body = "Rs.\u{00A0}500  debited from A/c XX1234 on 01-02-26 to\tSHOP.  "
        let entry = ExtractionTestSupport.extract(body)
        #expect(entry.smsBody == body)
        #expect(entry.amount == 500)
        #expect(entry.transactionParty == "SHOP")
    }
}

/// Runs `BodyNormaliser` on the UTF-8 bytes of `body` and returns both outputs.
private func normalisedBytes(_ body: String) -> (cased: [UInt8], lower: [UInt8]) {
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
    return (Array(cased[..<count]), Array(lower[..<count]))
}

/// Checks `BodyNormaliser` against a plain restatement of its rules on spliced bodies.
@Suite struct BodyNormaliserEquivalenceTests {
    private static let spaces: Set<Unicode.Scalar> = ["\u{20}", "\u{09}", "\u{0B}", "\u{0C}", "\u{A0}", "\u{1680}", "\u{2000}",
                                                      "\u{2001}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}",
                                                      "\u{2007}", "\u{2008}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}",
                                                      "\u{3000}"]
    private static let lineBreaks: Set<Unicode.Scalar> = ["\u{0A}", "\u{0D}", "\u{85}", "\u{2028}", "\u{2029}"]
    private static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{2060}", "\u{FEFF}"]

    /// Returns the ASCII character that a full-width form, a curly quote, a dash or the minus sign represents.
    private static func asciiForm(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFF01 + 0x21)
        case 0x2010...0x2013, 0x2212: return "-"
        case 0x2018, 0x2019: return "'"
        case 0x201C, 0x201D: return "\""
        default: return nil
        }
    }

    /// Normalises `body` scalar by scalar, following the rules in `BodyNormaliser`'s documentation.
    private static func reference(_ body: String) -> [UInt8] {
        let scalars = Array(body.unicodeScalars)
        var output: [UInt8] = []
        var pending: UInt8 = 0
        var index = 0
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
        while index < scalars.count {
            let scalar = scalars[index]
            if spaces.contains(scalar) {
                if pending == 0 { pending = 0x20 }
                index += 1
                continue
            }
            if lineBreaks.contains(scalar) {
                pending = 0x0A
                index += 1
                continue
            }
            if invisible.contains(scalar) {
                index += 1
                continue
            }
            let afterDigit = output.last.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            if scalar == "/", afterDigit, index + 1 < scalars.count, scalars[index + 1] == "-",
               index + 2 == scalars.count || !isDigit(scalars[index + 2]) {
                index += 2
                if index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic || isDigit(scalars[index]),
                   pending == 0 {
                    pending = 0x20
                }
                continue
            }
            if pending != 0 {
                if !output.isEmpty { output.append(pending) }
                pending = 0
            }
            output += Array(String(Self.asciiForm(of: scalar) ?? scalar).utf8)
            index += 1
        }
        return output
    }

    @Test func splicedBodiesMatchReference() throws {
        let fixtures = try ExtractionBodySamples.fixtureBodies()
        let pieces = ["Rs 500/-", "/-only", "/-3", "12/-", "5 /-", "5 /", "a/c", "/", "-", " ", "\t", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}",
                      "\u{2003}", "\u{2028}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{3000}", "\u{200C}", "é", "₹", "🙂", "A", "z9",
                      "\u{FF1A}", "\u{FF11}\u{FF12}", "\u{FF0F}", "\u{FF0D}", "\u{FF32}\u{FF53}", "\u{2019}", "\u{201C}", "\u{FF5F}"]
        let bodies = fixtures + ExtractionBodySamples.syntheticBodies(from: fixtures, keywords: pieces, count: 5000)
        var failures: [String] = []
        for body in bodies {
            let (cased, lower) = normalisedBytes(body)
            let expected = Self.reference(body)
            let expectedLower = expected.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            if cased != expected || lower != expectedLower {
                failures.append(body.debugDescription)
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }
}
