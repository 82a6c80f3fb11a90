import Testing
@testable import CredeauKit

/// One test table per field extractor, run through the whole extractor on realistic bodies.
@Suite struct FieldExtractionTests {
    private func extract(_ body: String) -> ExtractedSMS { ExtractionTestSupport.extract(body) }

    @Test(arguments: [
        ("Rs.1,75,000.50 credited to A/c XX1234 on 01-02-26", 175_000.50),
        ("INR 12,34,567 debited from A/c XX1234 on 01-02-26", 1_234_567),
        ("₹ 845 debited from A/c XX1234", 845),
        ("₹845.75 debited from A/c XX1234", 845.75),
        ("Your A/c XX1234 is debited for Rs 2750 on 22-08-25", 2750),
        ("Your A/c XX1234 is debited with INR.499.00 on 22-08-25", 499),
        ("Rs:6200.00 credited to your SB A/c *5518", 6200),
        ("A/C X8314 debited by 45.0 on date 12Feb26 trf to Metro", 45),
        ("UPI Credit:INR Rs.4800.00 in A/c X1185", 4800),
        ("RS. 899.00 spent on your credit card XX1111 at SHOP", 899),
        ("1,240.00 INR debited from A/c XX2207 on 05-03-26 at BATA INDIA. Avl Bal 3,210.00 INR", 1240),
        ("Your A/c XX4821 debited Rs.1,240/- on 03-03-26 towards UPI", 1240),
    ])
    func amountFormats(body: String, expected: Double) {
        #expect(extract(body).amount == expected)
    }

    @Test func amountSkipsBalanceBeforeIt() {
        let entry = extract("Avl Bal Rs 9,000.00; Rs 250.00 debited from A/c XX1234 on 01-02-26")
        #expect(entry.amount == 250)
        #expect(entry.availableBalance == 9000)
    }

    @Test func foreignCurrencyAmountIsLeftOut() {
        let entry = extract("USD 24.00 spent on your Credit Card ending XX7702 at GITHUB INC on 11-JAN-2026. Avbl Limit: INR 61830.44")
        #expect(entry.amount == nil)
        #expect(entry.smsType == .cardDebitExecuted)
        #expect(entry.availableBalance == nil)
    }

    @Test(arguments: [
        ("Rs 100 debited from A/c XX1234 on 01-02-26", "1234"),
        ("Rs 100 debited from A/c **5678 on 01-02-26", "5678"),
        ("Rs 100 debited from A/c no. XXXXXXXX9012 on 01-02-26", "9012"),
        ("Rs 100 debited from your account ending 3456 on 01-02-26", "3456"),
        ("Rs 100 debited from account ending with 7890", "7890"),
        ("IMPS credit of INR 100 in your account 415xxxx2278 on 03/03/2026", "2278"),
        ("UPI debit:Rs.100, A/c X9025, 19-02-26", "9025"),
        ("Rs 100 debited from A/C *XX8152 on 01-02-26", "8152"),
        ("Rs 100 debited from Acct XXX518 on 01-02-26", "518"),
        ("Rs 100 credited to A/c ...8812 thru UPI", "8812"),
        ("Rs 100 spent on Credit Card xx6190 at SHOP", "6190"),
        ("Your A/c no. 2296 is credited with INR 100 towards rent", "2296"),
    ])
    func accountDigitStyles(body: String, expected: String) {
        #expect(extract(body).accountLastDigits == expected)
    }

    @Test func debitDirection() {
        let entry = extract("Your a/c XX562 is debited for Rs 2750 and a/c XX914 credited (IMPS Ref no 529184736021)")
        #expect(entry.transactionType == .debit)
        #expect(entry.smsType == .accountDebitExecuted)
        #expect(entry.accountLastDigits == "562")
    }

    @Test func creditDirection() {
        let entry = extract("Your a/c XX3390 has been credited with Rs.750.00 from a/c XX6621 (UPI Ref no 604718826513)")
        #expect(entry.transactionType == .credit)
        #expect(entry.smsType == .accountCreditExecuted)
        #expect(entry.accountLastDigits == "3390")
    }

    @Test(arguments: [
        ("Rs 100 debited from A/c XX1234. Avl Bal Rs.8615.30 CR", 8615.30),
        ("Rs 100 debited from A/c XX1234. Clear Bal is INR 18,455.20.", 18455.20),
        ("Rs 100 credited to A/c XX1234. Bal:Rs 19644.10 -Federal Bank", 19644.10),
        ("Rs 100 credited to A/c XX1234 (CLR BAL 8450.00CR)", 8450),
        ("Rs 100 credited to A/c XX1234. Total Avail.bal INR 18,240.00.", 18240),
        ("Rs 100 credited to A/c XX1234. Final balance is Rs.12005.60", 12005.60),
    ])
    func balanceStyles(body: String, expected: Double) {
        #expect(extract(body).availableBalance == expected)
    }

    @Test func cardLimitIsNotBalance() {
        let entry = extract("Spent INR 845.00\nAxis Bank Card no. XX2207\n04-02-26 19:12:44 IST\nZepto Market\nAvl Limit: INR 38120.55")
        #expect(entry.availableBalance == nil)
        #expect(entry.amount == 845)
    }

    @Test func creditCardAvailableBalanceIsDropped() {
        let entry = extract("Rs 500 spent on your Credit Card XX1234 at SHOP on 01-02-26. Avl Bal Rs 40,000.00")
        #expect(entry.smsType == .cardDebitExecuted)
        #expect(entry.availableBalance == nil)
    }

    @Test func cardOutstandingIsRead() {
        let entry = extract("HSBC Credit Card xx6190 used at CROSSWORD for INR 1,450.00 on 09/02/26. Avl limit INR 86500.00; due INR 12450.00.")
        #expect(entry.outstandingAmount == 12450)
        #expect(entry.amount == 1450)
    }

    @Test(arguments: [
        ("Rs 100 debited from A/c XX1 to VPA asha.r@okaxis (UPI Ref No 607712345518).", "asha.r"),
        ("Dear UPI user A/C X8314 debited by 45.0 on date 12Feb26 trf to Bangalore Metro Refno 604312208891", "Bangalore Metro"),
        ("Acct XX217 debited for Rs 95.00 on 02-Mar-26; SRI KRISHNA SWEETS credited. UPI:606114928370.", "SRI KRISHNA SWEETS"),
        ("UPI Credit:INR Rs.4800.00 in A/c X1185. Info: UPI/HDFC/607420118935/ NAVEEN R on 04-03-26", "NAVEEN R"),
        ("Rs 3,600 received in A/c xx4408 from ANJALI MENON via UPI", "ANJALI MENON"),
        ("INR 18,500.00 deposited in A/c XX4470 for NEFT Cr-ICIC0000104-INFOSYS LIMITED-ROHAN SHETTY-CITIN26063874412.", "INFOSYS LIMITED"),
        ("Sent Rs.2,210.00 from A/c *3317 on 05-02-26 to MEDPLUS PHARMACY.RRN 604120398876.", "MEDPLUS PHARMACY"),
        ("Rs.1,240.00 spent on your Credit Card ending 3305 at CROMA RETAIL on 22/03/26.", "CROMA RETAIL"),
        ("Rs 1,999 Debited from A/C XX1 -Transferred to Mr. ARJUN NAIR. Avl Bal INR 10", "ARJUN NAIR"),
        ("INR 3,200.00 debited from A/c XX9932 on 16-FEB-26. Info: UPI-RAJ ELECTRICALS-rajelec@ybl. Avl bal:INR 1", "rajelec"),
        ("Rs. 1,499.00 refund from AMAZON SELLER SERVICES credited to A/c XX3382 on 19-02-26.", "AMAZON SELLER SERVICES"),
        ("INR 12,000.00 debited from A/c no. XX330012 on NEFT-SHRI GANESH AGENCIES 04-07-2026 13:22:51 IST.", "SHRI GANESH AGENCIES"),
        ("Acct XX417 debited for Rs 2,350.00 on 09-Jul-26; M/S NEW INDIA TRADERS credited. UPI:619014928370.", "NEW INDIA TRADERS"),
        // Names in other scripts, or starting with a non-ASCII letter.
        ("Dear UPI user A/C X1234 debited by 250.0 on date 05Mar26 trf to रमेश कुमार Refno 123456789012", "रमेश कुमार"),
        ("Dear UPI user A/C X1234 debited by 250.0 on date 05Mar26 trf to Äsa Café Refno 123456789012", "Äsa Café"),
        ("Rs 3,600 received in A/c xx4408 from सुनीता देवी via UPI", "सुनीता देवी"),
        ("Acct XX217 debited for Rs 95.00 on 02-Mar-26; Éclair Bakers credited. UPI:606114928370.", "Éclair Bakers"),
    ])
    func partyStyles(body: String, expected: String) {
        #expect(extract(body).transactionParty == expected)
    }

    @Test(arguments: [
        ("Rs 10 debited from A/c XX1 (IMPS Ref no 529184736021)", "529184736021"),
        ("Rs 10 debited from A/c XX1. UPI:606114928370. Call us", "606114928370"),
        ("Rs 10 debited from A/c XX1.RRN 604120398876.Avl Bal", "604120398876"),
        ("Rs 10 debited from A/c XX1 towards UPI/DR/D418820957316/Reliance", "D418820957316"),
        ("Rs 10 credited to A/c XX1. Info: RTGS/UTIBR52026031000418877/SHREE", "UTIBR52026031000418877"),
        ("Rs 10 credited to A/c XX1. Balance: Rs.15650.00. [S71820394]", "S71820394"),
        ("Rs 10 credited to A/c xx4408 via UPI (Ref ID: 605221984407)", "605221984407"),
    ])
    func referenceStyles(body: String, expected: String) {
        #expect(extract(body).referenceNumber == expected)
    }

    @Test func dueAmountAndDateOfEMIReminder() {
        let entry = extract("EMI of Rs.3,450 for your loan a/c XXXX8812 is due on 07-04-2026. Please keep sufficient balance.")
        #expect(entry.smsType == .loanEMIDue)
        #expect(entry.dueAmount == 3450)
        #expect(entry.dueDate == "2026-04-07")
    }

    @Test func statementTotalDueAndDate() {
        let entry = extract("Statement for Credit Card XX3301: Total Amount Due Rs.18,940.00, Minimum Amount Due Rs.950.00, due by 01-04-2026.")
        #expect(entry.smsType == .cardStatement)
        #expect(entry.outstandingAmount == 18940)
        #expect(entry.dueAmount == 18940)
        #expect(entry.dueDate == "2026-04-01")
    }

    @Test(arguments: [
        ("18-03-2026", "2026-03-18"), ("18/3/26", "2026-03-18"), ("18-Mar-2026", "2026-03-18"),
        ("18Mar26", "2026-03-18"), ("2026-03-18", "2026-03-18"), ("2/16/26", "2026-02-16"),
        ("05 April 2026", "2026-04-05"), ("31-02-2026", nil), ("29-02-2028", "2028-02-29"),
    ] as [(String, String?)])
    func dateFormats(text: String, expected: String?) {
        let bytes = Array(text.lowercased().utf8)
        let parsed = bytes.withUnsafeBufferPointer { ValueParsers.isoDate($0, 0..<$0.count) }
        #expect(parsed == expected)
    }
}
