import Foundation
import Testing
@testable import CredeauKit

/// `TransactionState.tagMentionsSalary` searches ASCII tags by bytes and must agree with
/// Foundation's `contains`, which the income families used before.
@Suite struct SalaryTagTests {
    private static let tags: [String] = {
        var tags = ["", "s", "sal", "salar", "salary", "salary_credit", "credit_salary", "xsalaryx", "salarysalary",
                    "SALARY", "Salary", "sAlary", "sa lary", "sa_lary", "salar_y", "credit_upi", "credit", "ssalary",
                    "salsalary", "salary\u{301}", "s\u{E1}lary", "sa\u{301}lary", "salary_\u{E9}", "\u{E9}salary",
                    "\u{FF53}\u{FF41}\u{FF4C}\u{FF41}\u{FF52}\u{FF59}", "sa\u{200B}lary", "salary\r\n", "\r\nsalary",
                    "सैलरी salary", "salary\u{0}", "\u{0}salary"]
        for type in SMSType.allCases {
            tags.append(type.rawValue)
            tags.append("\(type.rawValue)_salary")
            tags.append("\(type.rawValue)_upi")
        }
        return tags
    }()

    @Test func matchesFoundationContains() {
        for tag in Self.tags {
            #expect(TransactionState.tagMentionsSalary(tag) == tag.contains("salary"), "tag \(tag.debugDescription)")
        }
    }

    @Test func findsSalaryInTypicalTags() {
        #expect(TransactionState.tagMentionsSalary("credit_salary"))
        #expect(TransactionState.tagMentionsSalary("salary"))
        #expect(!TransactionState.tagMentionsSalary("credit_upi"))
        #expect(!TransactionState.tagMentionsSalary("SALARY"))
    }
}
