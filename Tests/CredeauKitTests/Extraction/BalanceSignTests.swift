import Foundation
import Testing
@testable import CredeauKit

/// Checks the sign of the available balance for every currency form, with the minus before or
/// after the currency, and that a dash used as a separator keeps the balance positive.
@Suite struct BalanceSignTests {
    static let debit = "Rs.500 debited from A/c XX1234 on 10-03-26."

    @Test(arguments: [
        "Rs.-2300", "Rs-2300", "Rs -2300", "Rs. -2300", "INR-2300", "INR -2300", "INR.-2300",
        "₹-2300", "₹ -2300", "₹.-2300", "Rs.\u{2212}2300", "Rs.\u{2013}2300", "INR \u{2212}2300",
    ])
    func minusAfterCurrency(figure: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) Avl Bal \(figure)")
        #expect(entry.availableBalance == -2300, "\(figure)")
        #expect(entry.amount == 500)
    }

    @Test(arguments: [
        "Avl Bal -Rs.2300", "Avl Bal -₹2300", "Avl Bal: -Rs 2300", "Avl Bal is -INR 2300",
        "Balance in A/c XX1234 is -Rs.2300", "Bal: -₹2,300.00", "Avl Bal -Rs. 2300.00",
    ])
    func minusBeforeCurrency(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == -2300, "\(tail)")
    }

    @Test(arguments: [
        "Avl Bal-Rs 2300", "Avl Bal-INR 2300", "Avl Bal-₹2300", "Bal:- Rs 2300", "Bal:-Rs 2300", "Bal:- ₹2300",
        "Avl Bal.-Rs.2300", "Avl Bal - 2300", "Avl Bal Rs 2300 - Avl Lmt Rs 100",
        // A minus with a space after it separates, whatever follows, and so does `:-` after a currency.
        "Avl Bal - INR 2,300", "Bal: - ₹2,300.00", "Avl Bal - Rs. 2300.00", "Avl Bal Rs. - 2300.00",
        "Avl Bal INR - 2300.00", "Avl Bal:INR- 2300.00", "Avl Bal ₹- 2300", "Avl Bal Rs:-2300.00", "Bal:-2300.00",
    ])
    func separatorDashStaysPositive(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == 2300, "\(tail)")
    }

    @Test(arguments: [
        "Avl Bal Rs 2,300.00 Dr", "Bal: INR 2,300.00 DR", "Avl Bal Rs.2300.00Dr", "Avl Bal INR 2,300 Dr.",
        "Avl Bal Rs -2,300.00 Dr", "Avl Bal Rs 2,300.00 dr", "Avl Bal Rs 2,300.00 Dr, thank you",
        "Avl Bal Rs 2,300.00 Dr; call us", "Avl Bal Rs 2,300.00 Dr. Call us", "Avl Bal Rs 2,300.00 Dr as on 05-03-26",
    ])
    func debitSuffixIsOverdrawn(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == -2300, "\(tail)")
        #expect(entry.amount == 500)
    }

    @Test(arguments: [
        "Avl Bal Rs 2,300.00 Dr 05-03-26", "Avl Bal Rs 2,300.00 Dr 05Mar26", "Avl Bal Rs 2,300.00 Dr. 05-03-26 10:15",
        "Avl Bal Rs 2,300.00 Dr 10:15 IST", "Avl Bal Rs 2,300.00 Dr 18002586161 for help", "Avl Bal Rs 2,300.00 Dr 05/03",
        "Avl Bal Rs 2,300.00 Dr 05.03.26", "Avl Bal Rs 2,300.00 Dr 1/2", "Avl Bal Rs 2,300.00 Dr 2 of 3",
        "Avl Bal Rs 2,300.00 Dr 10.15 AM", "Avl Bal Rs 2,300.00 Dr 10.15AM", "Avl Bal Rs 2,300.00 Dr 2.5%",
        "Avl Bal Rs 2,300.00 Dr 9.30 p.m. today", "Avl Bal Rs 2,300.00 Dr 1.5 hrs ago",
    ])
    func debitBeforeNonAmountIsOverdrawn(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == -2300, "\(tail)")
    }

    @Test(arguments: [
        "Avl Bal Rs 2,300.00 Dr Rs 40 charges", "Avl Bal Rs 2,300.00 Dr INR 40", "Avl Bal Rs 2,300.00 Dr ₹40",
        "Avl Bal Rs 2,300.00 Dr 40.00 charges", "Avl Bal Rs 2,300.00 Dr 1,500 for EMI", "Avl Bal Rs 2,300.00 Dr. 1,25,000.5",
        "Avl Bal Rs 2,300.00 Dr 40.00 amount", "Avl Bal Rs 2,300.00 Dr 12.50 pmt",
    ])
    func debitBeforeAmountIsVerb(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == 2300, "\(tail)")
    }

    @Test(arguments: [
        "Avl Bal Rs 2,300.00 (Dr)", "Bal: Rs.2300.00(Dr)", "Avl Bal Rs 2,300.00-Dr", "Avl Bal Rs 2300.00 Dr 1/2",
        "Avl Bal INR 2,300 (DR.)", "Avl Bal Rs 2,300.00-DR.",
    ])
    func bracketedOrJoinedDebitIsOverdrawn(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == -2300, "\(tail)")
    }

    @Test(arguments: ["Avl Bal Rs 2,300.00 (Dream)", "Avl Bal Rs 2,300.00 (Dr Reddy)", "Avl Bal Rs 2,300.00-Drawn",
                      "Avl Bal Rs 2,300.00 D r", "Avl Bal Rs 2,300.00 Drawn"])
    func debitLookalikeKeepsSign(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == 2300, "\(tail)")
    }

    @Test(arguments: ["Bal=- 2300", "Bal =- 2300", "Bal = - 2300", "Bal=- 2,300.00", "Avl Bal=- 2300"])
    func dashWithSpaceAfterEqualsSeparates(tail: String) {
        let entry = ExtractionTestSupport.extract("Rs 500.00 debited from A/c XX1234 on 05-03-26. \(tail)")
        #expect(entry.availableBalance == 2300, "\(tail)")
    }

    @Test(arguments: [
        "Rs 500 Dr to A/c XX1234 on 10-03-26. Avl Bal Rs 2,300", "A/c XX1234 Dr. INR 500 on 10-03-26. Bal INR 2,300",
        "Rs.500 debited from A/c XX1234 on 10-03-26. Avl Bal Rs 2,300 Cr",
        "Rs.500 debited from A/c XX1234 on 10-03-26. Avl Bal Rs 2,300.00CR.",
        "Rs.500 debited from A/c XX1234 on 10-03-26. Avl Bal Rs 2,300 Dr Rs 40 charges",
    ])
    func transactionMarkerKeepsSign(body: String) {
        #expect(ExtractionTestSupport.extract(body).availableBalance == 2300, "\(body)")
    }

    @Test(arguments: [
        "Avl Bal (-)Rs 2300", "Avl Bal: Rs (-)2,300.00", "Avl Bal (-) INR 2,300.00", "Bal: Rs.(-)2300",
        "Bal:(-)2300", "Avl Bal=-2300", "Avl Bal=-Rs 2300", "Avl Bal = -Rs 2300", "Bal=-2,300.00",
        "Avl Bal INR -2,300.00", "Bal = -2300",
    ])
    func minusFormsAreRead(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == -2300, "\(tail)")
    }

    @Test(arguments: ["Avl Bal Rs 0.00", "Avl Bal: INR 0", "Bal Rs.0.00 Cr", "Avl Bal (-)Rs 0.00", "Avl Bal Rs 0.00 Dr"])
    func zeroBalanceIsKept(tail: String) {
        let entry = ExtractionTestSupport.extract("\(Self.debit) \(tail)")
        #expect(entry.availableBalance == 0, "\(tail)")
        #expect(entry.availableBalance?.sign == .plus, "\(tail)")
    }

    @Test func balanceWithoutFigureStaysOut() {
        #expect(ExtractionTestSupport.extract("\(Self.debit) Avl Bal Rs. Dr").availableBalance == nil)
        #expect(ExtractionTestSupport.extract("\(Self.debit) Avl Bal=-.").availableBalance == nil)
    }

    @Test func dashAfterFigureIsSeparator() {
        let entry = ExtractionTestSupport.extract("Rs 2300 debited from A/c XX1234 on 10-03-26 - Avl Bal Rs 900.50 - HDFC Bank")
        #expect(entry.amount == 2300)
        #expect(entry.availableBalance == 900.5)
    }

    /// Puts a minus before the currency of every bundled case whose balance figure follows one.
    @Test func minusBeforeCurrencyInCases() throws {
        let currencyFigure = try NSRegularExpression(
            pattern: "(?i)bal[^0-9\\n]{0,40}?(?<![a-z])((?:inr|rs|₹)\\s*[.:]?\\s*)([0-9][0-9,]*(?:\\.[0-9]+)?)")
        var checked = 0
        for item in ExtractionMutationTests.cases {
            guard let balance = item.expectedBalance else { continue }
            let body = item.body as NSString
            let match = currencyFigure.matches(in: item.body, range: NSRange(location: 0, length: body.length)).first { match in
                let text = body.substring(with: match.range(at: 2)).replacingOccurrences(of: ",", with: "")
                return Double(text).map { abs($0 - balance) < 0.005 } ?? false
            }
            guard let match else { continue }
            let start = match.range(at: 1).location
            let before = body.substring(to: start)
            let sign = before.hasSuffix(" ") ? "-" : " -"
            let mutated = before + sign + body.substring(from: start)
            let entry = ExtractionTestSupport.extractor.extract(
                RawSMS(id: item.id, sender: item.sender, body: mutated, inboxDateMillis: nil), createdAtMillis: 0)
            #expect(entry.availableBalance.map { abs($0 + balance) < 0.005 } == true,
                    "\(item.id): expected -\(balance), got \(String(describing: entry.availableBalance)) for \(mutated.debugDescription)")
            checked += 1
        }
        #expect(checked >= 20, "only \(checked) cases have a currency before the balance")
    }
}
