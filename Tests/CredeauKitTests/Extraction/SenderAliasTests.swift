import Foundation
import Testing
@testable import CredeauKit

/// Finding institutions by name in SMS bodies (`institutionMentioned(inLowercasedBody:)`).
@Suite struct SenderAliasTests {
    private let registry = SenderRegistry.standard

    private func mention(_ body: String) -> InstitutionMention? {
        registry.institutionMention(inLowercasedBody: body.lowercased())
    }

    @Test(arguments: [
        ("Your AC XXXXX448102 Debited INR 236.00 on 04/03/26 -ATM AMC CHARGES. Avl Bal INR 2,114.60.-SBI",
         "state bank of india", SenderType.bank),
        ("Your a/c no. XX3390 has been credited with Rs.750.00 on 2/16/26 7:15 PM (UPI Ref no 604718826513)-Canara Bank",
         "canara bank", .bank),
        ("Acct XXX518 Dr. INR 325.00 on 21/02/26 to FRESH MART. Not you? SMS BLOCKUPI to XXXXXXXXXX-CanaraBank",
         "canara bank", .bank),
        ("OTP 662019 for your HSBC creditcard xxxxx8841 transaction of INR 2,150.00 at FLIPKART.", "hsbc", .bank),
        ("Your slice credit card statement for Feb-26 is ready. Total due Rs.6,420.00.", "slice", .card),
        ("Rs.10000 withdrawn from a/c xx4735 on 08-Aug-26. For queries call 08048329999 - slice", "slice", .card),
        ("HDFC: Available balance in a/c XX6620 is Rs.8,940.15 as on 14Mar26 09:05 AM.", "hdfc bank", .bank),
        ("Bajaj Finance: Rs.75,000 personal loan amount has been credited to your bank a/c XX5529.",
         "bajaj finance", .nbfc),
        ("Your EMI of Rs 3,120 for KreditBee loan is due tomorrow. Pay now to avoid late fee.", "kreditbee", .nbfc),
        ("Payment of Rs 640.00 using Apay Balance successful at BookMyShow. - SMS by Juspay", "amazon pay", .wallet),
        ("Payment of Rs.18,400 has been successfully credited towards your card. Settled instantly - CRED", "cred", .wallet),
        ("PSB A/c No **7703 Credited with Rs 1200 (CLR BAL 8450.00CR)-Punjab & Sind Bank", "punjab & sind bank", .bank),
        ("Your L & T Finance loan EMI of Rs 4,200 has been received.", "l&t finance", .nbfc),
        ("Dear Customer, your IMPS credit of INR 3,250.00 is in your account 415xxxx2278.\n-StanChart",
         "standard chartered bank", .bank),
        ("Premium of Rs 12,500 for your policy is due on 15-Oct-26. -LIC of India", "life insurance corporation of india",
         .insurance),
        ("Your Airtel postpaid bill of Rs 599 is due on 08-Oct.", "bharti airtel", .telecom),
    ])
    func bodyNamesInstitution(body: String, name: String, type: SenderType) throws {
        let info = try #require(registry.institutionMentioned(inLowercasedBody: body.lowercased()))
        #expect(info.name == name)
        #expect(info.type == type)
    }

    @Test(arguments: [
        ("Team IDFC FIRST Bank", "team idfc first bank", "idfc first bank"),
        ("Never Share PIN/OTP-Union Bank of India", "union bank of india", "union bank of india"),
        ("Thank you for banking with State Bank of India", "state bank of india", "state bank of india"),
        ("transfer to Bank of India a/c", "bank of india", "bank of india"),
        ("Final balance is Rs.8911.40-South Indian Bank", "south indian bank", "south indian bank"),
        ("Welcome to Airtel Payments Bank", "airtel payments bank", "airtel payments bank"),
        ("Refund credited to your Amazon Pay balance", "amazon pay", "amazon pay"),
        ("Your SBI Card statement is ready", "sbi card", "sbi card"),
        ("Home loans at 8.5% from LIC Housing Finance", "lic housing finance", "lic housing finance"),
    ])
    func longestAliasWins(body: String, alias: String, name: String) throws {
        let found = try #require(mention(body))
        #expect(found.alias == alias)
        #expect(found.info.name == name)
    }

    @Test func financialInstitutionBeatsMerchant() throws {
        let card = try #require(mention("OTP 662019 for your HSBC creditcard transaction at FLIPKART"))
        #expect(card.info.name == "hsbc")
        let wallet = try #require(mention("Rs 99 paid to Swiggy via Paytm"))
        #expect(wallet.info.name == "paytm")
        let merchant = try #require(mention("Your Flipkart order has been shipped"))
        #expect(merchant.info.type == .ecommerce)
    }

    @Test(arguments: [
        ("Payment credited towards your Axis Bank Credit Card ending 4471. Settled instantly - CRED", "cred"),
        ("HDFC Bank Credit Card bill of Rs. 2,819 was paid. T&C -Kotak811", "kotak mahindra bank"),
        ("Rs 500 debited, a/c linked to HDFC Bank. -SBI.", "state bank of india"),
        ("Your Flipkart order was paid by card. - HDFC Bank )", "hdfc bank"),
    ])
    func signOffNamesSender(body: String, name: String) throws {
        let found = try #require(mention(body))
        #expect(found.info.name == name)
    }

    @Test func signOffNeedsDashAndEnd() throws {
        let merchantAtEnd = try #require(mention("Rs 500 spent on HDFC Bank card at AMAZON"))
        #expect(merchantAtEnd.info.name == "hdfc bank")
        let dashMidway = try #require(mention("Paid to -Zomato from ICICI Bank account, thank you"))
        #expect(dashMidway.info.name == "icici bank")
    }

    @Test func longerMatchWinsWhateverItsPosition() throws {
        let found = try #require(mention("IDFC ref 123 credited; regards, IDFC FIRST Bank"))
        #expect(found.alias == "idfc first bank")
        let earlier = try #require(mention("HDFC Bank card bill paid from your SBI account"))
        #expect(earlier.alias == "hdfc bank")
    }

    @Test(arguments: [
        "Hey, can you bring a slice of pizza on your way home?",
        "I credited the money to your account yesterday, check once.",
        "The x-axis label on the credit chart is wrong.",
        "Bob will pick you up from the station at 6.",
        "Let's go to Navi Mumbai on Sunday morning.",
        "Yes, I will come. Life is good!",
        "We should visit India again next year, maybe Kerala.",
        "That was a simple plan, see you at the federal building.",
        "Your order of indigo paint is ready for pickup at the hardware store.",
        "Meet me near the river bank of the lake, central park gate.",
        "Happy Diwali to you and your family from all of us.",
        "Kirana store prices went up again. Cashew nuts are costly.",
        "Credit score improved! Discredited rumours, unionised workers, sbin and icic codes.",
        "",
    ])
    func ordinaryMessageNamesNoInstitution(body: String) {
        #expect(mention(body) == nil)
    }

    @Test func aliasNeedsWordBoundaries() {
        #expect(mention("your sbiupi ref") == nil)
        #expect(mention("upi id abc@oksbi") == nil)
        #expect(mention("cashback via paytmqr") == nil)
        #expect(mention("from paytm wallet")?.info.name == "paytm")
        #expect(mention("(hdfc)")?.info.name == "hdfc bank")
    }

    @Test func whitespaceRunsAndPunctuationSpacingMatch() {
        #expect(mention("regards,\nstate  bank\tof india")?.alias == "state bank of india")
        #expect(mention("- CRED")?.info.name == "cred")
        #expect(mention("BOI -  Cash Rs. 2500 deposited")?.info.name == "bank of india")
        #expect(mention("J & K Bank")?.info.name == "j&k bank")
        #expect(mention("statebankofindia") == nil)
    }

    @Test func bodyMustBeLowerCased() {
        #expect(registry.institutionMentioned(inLowercasedBody: "HDFC BANK") == nil)
        #expect(registry.institutionMentioned(inLowercasedBody: "hdfc bank")?.name == "hdfc bank")
    }

    @Test func byteOverloadMatchesStringOverload() {
        let bodies = [
            "rs 500 debited from a/c xx12 -sbi", "your slice card was used", "no institution here",
            "नमस्ते, आपका खाता hdfc bank में", "emi due - kreditbee",
        ]
        for body in bodies {
            let fromBytes = registry.institutionMentioned(inLowercasedBody: Array(body.utf8))
            #expect(fromBytes == registry.institutionMentioned(inLowercasedBody: body))
        }
    }

    @Test func lookupRepeatsOnSameBody() {
        // The lookup's scratch state must not leak from one call to the next.
        let body = Array(("Sent Rs.2,210.00 from A/c *3317 on 05-02-26 to MEDPLUS PHARMACY.RRN 604120398876."
            + "Avl Bal Rs.15410.09.Not you? SMS BLOCK to 9289592895-Indian Bank").lowercased().utf8)
        let first = registry.institutionMentioned(inLowercasedBody: body)
        #expect(first != nil)
        for _ in 0..<100 {
            #expect(registry.institutionMentioned(inLowercasedBody: body) == first)
        }
    }
}
