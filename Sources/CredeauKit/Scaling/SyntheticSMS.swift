/// Deterministic synthetic SMS for benchmarks: a mix of bank debits and credits, card spends,
/// balance alerts, loan reminders, one-time passwords and promotions, in the shapes Indian
/// senders use. Fixed seeds make every run benchmark the same text.
enum SyntheticSMS {
    private static let templates: [(sender: String, body: String)] = [
        ("VM-HDFCBK", "Rs.{amount} debited from a/c **{digits} on {date} to VPA {party}@okaxis (UPI Ref No {ref}). Not you? Call the number on your card"),
        ("AD-SBIUPI-S", "Dear UPI user A/C X{digits} debited by {amount} on date {date} trf to {party} Refno {ref}. If not u? call your branch. -SBI"),
        ("JD-ICICIT-T", "ICICI Bank Acct XX{digits} credited with Rs {amount} on {date}; {party} credited. UPI:{ref}. Avl Bal Rs {balance}"),
        ("VK-AXISBK", "INR {amount} spent on Axis Bank Card no. XX{digits} at {party} on {date}. Avl Limit: INR {balance}. Not you? SMS BLOCK {digits} to the bank"),
        ("BZ-KOTAKB", "Your A/c XX{digits} has been credited by Rs.{amount} on {date} towards salary. Available balance: Rs.{balance}"),
        ("AX-BAJAJF", "Dear Customer, EMI of Rs {amount} for loan a/c {ref} is due on {date}. Please keep sufficient balance to avoid charges."),
        ("VM-PAYTMB", "Your OTP for login is {digits}{digits}. Do not share it with anyone. Valid for 10 minutes."),
        ("JM-FLPKRT", "Big sale is live! Flat {amount} off on electronics. Shop now before stocks run out."),
        ("+919876543210", "Hi, I have sent Rs {amount} to your account. Please check and confirm."),
    ]

    private static let parties = ["SWIGGY", "ZOMATO", "RAVI KUMAR", "AMAZON PAY", "BIGBASKET", "IRCTC", "JIO PREPAID"]

    /// `count` SMS cycling through the templates with varied amounts, digits and dates.
    static func make(count: Int, seed: UInt64 = 0x5EED_CAFE) -> [RawSMS] {
        var generator = SplitMix64(seed: seed)
        var messages: [RawSMS] = []
        messages.reserveCapacity(count)
        for index in 0..<count {
            let template = templates[index % templates.count]
            let amount = "\(generator.next() % 50_000 + 1).\(generator.next() % 90 + 10)"
            let digits = String(generator.next() % 9_000 + 1_000)
            let day = generator.next() % 28 + 1
            let body = template.body
                .replacing("{amount}", with: amount)
                .replacing("{digits}", with: digits)
                .replacing("{date}", with: "\(day < 10 ? "0" : "")\(day)-03-26")
                .replacing("{party}", with: parties[Int(generator.next() % UInt64(parties.count))])
                .replacing("{ref}", with: String(generator.next() % 900_000_000_000 + 100_000_000_000))
                .replacing("{balance}", with: "\(generator.next() % 200_000).\(generator.next() % 90 + 10)")
            messages.append(RawSMS(id: "synthetic-\(index)", sender: template.sender, body: body,
                                   inboxDateMillis: 1_774_000_000_000 + Int64(index) * 60_000))
        }
        return messages
    }
}
