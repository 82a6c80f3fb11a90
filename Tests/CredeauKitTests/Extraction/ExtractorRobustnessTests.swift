import Foundation
import Testing
@testable import CredeauKit

/// Odd input, identity fields, sender fallbacks and the template hash.
@Suite struct ExtractorRobustnessTests {
    private func extract(_ body: String, sender: String? = "VM-HDFCBK-S") -> ExtractedSMS {
        ExtractionTestSupport.extract(body, sender: sender)
    }

    @Test(arguments: ["", " ", "\n\n", "🙂🙂🙂", "₹", "नमस्ते आपका खाता", "\u{0}", "Rs.", "a/c", "XX"])
    func oddBodiesAreNotInTheList(body: String) {
        let entry = extract(body)
        #expect(entry.smsType == .notInTheList)
        #expect(!entry.isClassified)
        #expect(entry.templateHash.count == 16)
    }

    @Test func veryLongBodyIsHandled() {
        let transaction = "Rs 250.00 debited from A/c XX1234 on 01-02-26 to SHOP. "
        let body = transaction + String(repeating: "lorem ipsum ₹ 🙂 ", count: 6000)
        #expect(body.utf8.count > 100_000)
        let entry = extract(body)
        #expect(entry.smsType == .accountDebitExecuted)
        #expect(entry.amount == 250)
        #expect(entry.smsBody == body)
    }

    @Test func cutInsideMultibyteCharacterIsSafe() {
        // A body whose byte limit falls inside a three-byte character.
        let body = String(repeating: "a", count: SMSText.maxBytes - 1) + "₹₹₹ debited"
        let entry = extract(body)
        #expect(entry.smsType == .notInTheList)
    }

    @Test func randomTokenSoupDoesNotCrash() {
        // Bodies built from the fragments the patterns key on, in random order, up to 4 KB.
        let fragments = ["to ", "from ", "rs ", "inr ", "₹", "a/c ", "xx", "1,2", "34", ".", "@", "/", "upi", "ref ",
                         "debited ", "credited ", "bal ", "due ", "on ", "at ", "\n", ";", "-", "card ", "🙂", "०१"]
        var state: UInt64 = 7
        for _ in 0..<300 {
            var body = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 33) % 1200
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                body += fragments[Int(state >> 33) % fragments.count]
            }
            let entry = extract(body)
            #expect(entry.templateHash.count == 16)
            if let amount = entry.amount { #expect(amount > 0) }
        }
    }

    @Test func caseSpacesAndLineBreaksDoNotMatter() {
        let upper = extract("RS 1,240.00 DEBITED FROM A/C XX7316 ON 03-03-2026. AVL BAL RS 8,615.30")
        let spaced = extract("Rs   1,240.00\n debited   from\nA/c   XX7316 on 03-03-2026.\nAvl Bal Rs 8,615.30")
        for entry in [upper, spaced] {
            #expect(entry.amount == 1240)
            #expect(entry.accountLastDigits == "7316")
            #expect(entry.availableBalance == 8615.30)
        }
    }

    @Test func identityFieldsAreEchoed() {
        let sms = RawSMS(id: "m-1", sender: "VM-HDFCBK-S", body: "Rs 10 debited from A/c XX1234", inboxDateMillis: 1_700_000_000_000,
                         clientID: "client", userID: "user", requestID: "request")
        let entry = ExtractionTestSupport.extractor.extract(sms, createdAtMillis: 42)
        #expect(entry.smsID == "m-1")
        #expect(entry.userID == "user")
        #expect(entry.clientID == "client")
        #expect(entry.requestID == "request")
        #expect(entry.smsSender == "hdfcbk")
        #expect(entry.inboxDateMillis == 1_700_000_000_000)
        #expect(entry.createdAtMillis == 42)
        #expect(entry.senderName == "hdfc bank")
        #expect(entry.senderType == .bank)
        #expect(entry.isExtracted)
    }

    @Test func uniquePANUsesLastTwoDigits() {
        let entry = extract("Rs 10 debited from A/c XX3028 on 01-02-26")
        #expect(entry.uniquePAN == "bank | hdfc bank | 28")
        let noAccount = extract("Sent Rs.750 to Ravi Teja (UPI txn successful).")
        #expect(noAccount.uniquePAN == "bank | hdfc bank | -1")
    }

    @Test func unknownSenderUsesInstitutionInBody() {
        let entry = extract("Your AC XXXXX448102 Debited INR 236.00 on 04/03/26 -ATM AMC CHARGES. Avl Bal INR 2,114.60.-SBI", sender: nil)
        #expect(entry.senderName == "state bank of india")
        #expect(entry.senderType == .bank)
        #expect(entry.smsSender == "")
        #expect(entry.uniquePAN == "bank | state bank of india | 02")

        let phone = extract("Your a/c no. XX3390 has been credited with Rs.750.00 from a/c no. XX6621 -Canara Bank", sender: "+919876543210")
        #expect(phone.senderName == "canara bank")
        #expect(phone.smsSender == "9876543210")
    }

    @Test func unknownSenderWithoutInstitutionHasNoName() {
        let entry = extract("Rs 10 debited from A/c XX1234 on 01-02-26", sender: nil)
        #expect(entry.senderName == nil)
        #expect(entry.senderType == .other)
        #expect(entry.uniquePAN == "other | unknown | 34")
    }

    @Test func templateHashIgnoresVariableParts() {
        let first = extract("ICICI Bank Acct XX217 debited for Rs 95.00 on 02-Mar-26; SRI KRISHNA SWEETS credited. UPI:606114928370.")
        let second = extract("ICICI Bank Acct XX903 debited for Rs 12,450.50 on 19-Nov-25; Asha credited. UPI:601112223334.")
        let other = extract("ICICI Bank Acct XX903 credited with Rs 12,450.50 on 19-Nov-25. UPI:601112223334.")
        #expect(first.templateHash == second.templateHash)
        #expect(first.templateHash != other.templateHash)
    }

    @Test func extractorIsSafeAcrossThreads() async {
        let bodies = (0..<200).map { "Rs \($0 + 1).00 debited from A/c XX\(1000 + $0) on 01-02-26 to SHOP \($0)" }
        let amounts = await withTaskGroup(of: (Int, Double?).self) { group in
            for (index, body) in bodies.enumerated() {
                group.addTask { (index, ExtractionTestSupport.extract(body).amount) }
            }
            var collected: [Int: Double?] = [:]
            for await (index, amount) in group { collected[index] = amount }
            return collected
        }
        for index in 0..<200 {
            #expect(amounts[index] == Double(index + 1))
        }
    }
}
