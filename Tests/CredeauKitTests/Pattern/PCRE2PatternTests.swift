import Testing
@testable import CredeauKit

@Suite struct PCRE2PatternTests {
    @Test func capturesAreByteRanges() throws {
        let pattern = try PCRE2Pattern(#"(rs)\.?\s*([0-9,]+)"#)
        let match = try #require(pattern.firstMatch(in: "paid ₹ and rs. 1,240 today"))
        // "paid ₹ and " is 13 bytes because ₹ takes three.
        #expect(match.range == 13..<22)
        #expect(match.groups[1] == 13..<15)
        #expect(match.groups[2] == 17..<22)
    }

    @Test func groupThatDidNotTakePartIsNil() throws {
        let pattern = try PCRE2Pattern("(debit)|(credit)")
        let match = try #require(pattern.firstMatch(in: "credited"))
        #expect(match.groups[1] == nil)
        #expect(match.groups[2] == 0..<6)
    }

    @Test func invalidPatternNamesTextAndOffset() {
        #expect(throws: PCRE2Error.self) { try PCRE2Pattern("ab(c") }
        do {
            _ = try PCRE2Pattern("ab(c")
        } catch {
            guard case let .compileFailed(pattern, offset, message) = error else { return }
            #expect(pattern == "ab(c")
            #expect(offset == 4)
            #expect(message.contains("parenthesis"))
            #expect(error.description.contains("'ab(c'"))
        }
    }

    @Test func caselessOptionIsHonoured() throws {
        let plain = try PCRE2Pattern("debited")
        let caseless = try PCRE2Pattern("debited", options: [.utf, .caseless])
        #expect(plain.firstMatch(in: "DEBITED") == nil)
        #expect(caseless.firstMatch(in: "DEBITED") != nil)
    }

    @Test func utfPatternMatchesRupeeSign() throws {
        let pattern = try PCRE2Pattern("₹\\s*([0-9]+)")
        let match = try #require(pattern.firstMatch(in: "जमा ₹ 500"))
        let bytes = Array("जमा ₹ 500".utf8)
        let group = try #require(match.groups[1])
        #expect(String(decoding: bytes[group], as: UTF8.self) == "500")
    }

    @Test func ucpMakesDigitClassUnicode() throws {
        let ascii = try PCRE2Pattern("^\\d+$")
        let unicode = try PCRE2Pattern("^\\d+$", options: [.utf, .ucp])
        #expect(ascii.firstMatch(in: "१२३") == nil)
        #expect(unicode.firstMatch(in: "१२३") != nil)
    }

    @Test func emptySubjectDoesNotCrash() throws {
        let pattern = try PCRE2Pattern("x*")
        let match = try #require(pattern.firstMatch(in: ""))
        #expect(match.range == 0..<0)
        #expect(try PCRE2Pattern("a").firstMatch(in: "") == nil)
    }

    @Test func matchStartsAtOffset() throws {
        let pattern = try PCRE2Pattern("[0-9]+")
        let data = pattern.makeMatchData()
        let bytes = Array("a1 b22 c333".utf8)
        let found = bytes.withUnsafeBufferPointer { buffer -> Range<Int>? in
            pattern.match(buffer, from: 3, into: data) ? data.range(ofGroup: 0) : nil
        }
        #expect(found == 4..<6)
    }

    @Test func matchDataTooSmallIsRejected() throws {
        let pattern = try PCRE2Pattern("(a)(b)")
        let small = PCRE2MatchData(groupCapacity: 2)
        let matched = Array("ab".utf8).withUnsafeBufferPointer { pattern.match($0, into: small) }
        #expect(!matched)
    }

    @Test func patternIsJITCompiled() throws {
        #expect(try PCRE2Pattern("abc").isJITCompiled)
    }
}
