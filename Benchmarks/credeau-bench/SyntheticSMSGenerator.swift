import CredeauKit

/// Produces an endless stream of realistic Indian bank, card, wallet, loan and promotional SMS
/// from templates with random amounts, accounts, names, references and dates.
///
/// Deterministic for a seed (SplitMix64), so two runs measure the same inbox.
struct SyntheticSMSGenerator {
    /// A template: the sender header and the body with `{slot}` markers.
    private static let templates: [(sender: String?, body: String)] = [
        ("VM-HDFCBK-S", "Rs.{amount} debited from A/c XX{acct} on {date} to VPA {vpa}@okaxis (UPI Ref No {ref}). Not you? Call 18002586161"),
        ("AD-HDFCBK", "Update! INR {amount} deposited in HDFC Bank A/c XX{acct} on {date} for NEFT Cr-ICIC0000104-{merchant}-{name}-CITIN{ref}.Avl bal INR {balance}."),
        ("JD-SBIUPI-S", "Dear UPI user A/C X{acct} debited by {amount} on date {date} trf to {name} Refno {ref}. If not u? call 1800111109. -SBI"),
        ("SBIINB", "Your A/C XXXXX{acct} Credited INR {amount} on {date} -Deposit by transfer from {name}. Avl Bal INR {balance}-SBI"),
        ("VK-ICICIB-S", "ICICI Bank Acct XX{acct} debited for Rs {amount} on {date}; {merchant} credited. UPI:{ref}. Call 18002662 for dispute."),
        ("AX-AXISBK-S", "Spent INR {amount}\nAxis Bank Card no. XX{acct}\n{date} 19:12:44 IST\n{merchant}\nAvl Limit: INR {balance}\nNot you? SMS BLOCK {acct} to 919951860002"),
        ("AX-AXISBK-S", "INR {amount} debited from A/c no. XX{acct} on {merchant} {date} 13:22:51 IST. Avl bal: INR {balance}. Not you? SMS BLOCKCARD XX{acct} to +919951860002 - Axis Bank"),
        ("VM-PNBSMS-S", "Ac XX{acct} Debited with Rs.{amount}, {date} 18:05:41. Aval Bal Rs.{balance} CR. Helpline 18001800-PNB"),
        ("SIBSMS", "UPI Credit:INR Rs.{amount} in A/c X{acct}. Info: UPI/HDFC/{ref}/ {name} on {date} 20:10:45. Final balance is Rs.{balance} -South Indian Bank"),
        ("BM-IDFCBK-S", "Your A/c XXXXXXX{acct} has been credited with Rs. {amount} on {date}. Info: RTGS/UTIBR5{ref}/{merchant}.\nNew bal: Rs. {balance}. Team IDFC FIRST Bank"),
        ("SBICRD", "Rs.{amount} spent on your SBI Credit Card ending {acct} at {merchant} on {date}."),
        ("VM-HSBCIN", "HSBC Credit Card xx{acct} used at {merchant} for INR {amount} on {date}. Avl limit INR {balance}; due INR {amount}."),
        ("AD-ICICIT-S", "Dear Customer, Payment of Rs {amount} has been received on your ICICI Bank Credit Card XX{acct} via BBPS on {date}. Thank you."),
        ("APAY", "Payment of Rs {amount} using Apay Balance successful at {merchant}. Updated Balance is Rs {balance} - SMS by Juspay"),
        ("VM-PAYTM", "Rs {amount} paid to {merchant} from your Paytm Wallet. Updated Wallet Balance: Rs {balance}. Txn ID {ref}"),
        ("AD-FEDBNK", "Rs {amount} credited to your A/c XX{acct} via IMPS on {date} 09:14:37 IMPS Ref no {ref} Bal:Rs {balance} -Federal Bank"),
        ("JD-SARBNK-S", "Your A/c no. {acct} is credited with INR {amount} on {date} towards Salary. Current Bal is INR {balance} CR - Saraswat Bank"),
        (nil, "Your a/c no. XX{acct} has been credited with Rs.{amount} on {date} from a/c no. XX{acct} (UPI Ref no {ref})-Canara Bank"),
        ("AX-ICICIT-S", "Rs. {amount} will be debited from your account on {date} towards your Home Loan EMI. Please maintain sufficient balance."),
        ("VM-HDBFS", "Dear Customer, EMI of Rs.{amount} for your loan a/c XXXX{acct} is due on {date}. Please keep sufficient balance. - HDB Financial"),
        ("VM-HDFCBK", "Your NACH debit of Rs.{amount} towards BAJAJ FINANCE LTD on {date} has been returned unpaid due to insufficient funds in A/c XX{acct}."),
        ("AX-SLICEIT-S", "Your slice credit card transaction of RS. {amount} on {merchant} failed."),
        ("CP-HDFCBK-S", "New Bill Alert:\nYour BESCOM Bill 77300{ref} of Rs.{amount} is due on {date}. To pay, login to HDFC Bank Net/Mobile Banking>BillPay"),
        (nil, "Your slice credit card statement for Feb-26 is ready. Total due Rs.{amount}. Login to view."),
        (nil, "HDFC: Available balance in a/c XX{acct} is Rs.{balance} as on {date} 09:05 AM."),
        ("BM-IDFCBK-S", "Your IDFC First Bank OTP for fund transfer is {otp}. It is valid for 10 minutes. Do not share this code with anyone."),
        ("VM-MAXFSN", "Alert: Your FLAT 30% OFF on purchase of Rs. {amount} is valid for 3 DAYS ONLY\nEnjoy your shopping @Max Fashion store.\nCode: MX{otp}\nTnC"),
        ("VM-KREDTB", "Pre-approved personal loan of Rs {amount} is waiting for you! Apply now in 2 minutes: kbee.in/x7Kq"),
        ("VM-IRCTC", "PNR {ref}, Train 12658, Date {date}, Class 3A, BLR-MAS, Chart not prepared. Have a safe journey."),
        ("AD-DELHVY", "Your order #AZ{otp} will be delivered today by 8 PM. Track: dlv.in/t/AZ{otp}"),
        (nil, "Bajaj Finance: Rs.{amount} personal loan amount has been credited to your bank a/c XX{acct}. EMI: Rs.{balance}/month."),
        ("JX-INDUSB-S", "A/C *XX{acct} credited by Rs {amount} from {vpa}@okicici. RRN:{ref}. Avl Bal:{balance}. Not you? Call 18602677777 - IndusInd bank"),
    ]

    static var templateCount: Int { templates.count }

    private static let names = ["NEHA GUPTA", "Ravi Teja", "ARJUN NAIR", "Kavita Rao", "SURESH PILLAI", "ANJALI MENON",
                                "Deepak Joshi", "POOJA KRISHNAN", "Mohammed Irfan", "Lakshmi Iyer", "Harpreet Kaur", "VIKRAM SINGH"]
    private static let merchants = ["ZEPTO MARKET", "CROMA RETAIL", "APOLLO PHARMACY", "Uber India", "SWIGGY LIMITED",
                                    "RELIANCE SMART", "DMART AVENUE", "BOOKMYSHOW", "INFOSYS LIMITED", "Blue Tokai Coffee",
                                    "SHREE BALAJI ENTERPRISES", "myntra.com"]
    private static let vpas = ["rohanm88", "meera.k22", "sneha.p91", "anil.mehta", "grocerymart", "rajelec"]

    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func next(id: Int) -> RawSMS {
        let template = Self.templates[nextInt(Self.templates.count)]
        var body = ""
        body.reserveCapacity(template.body.utf8.count + 48)
        var rest = Substring(template.body)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            body += rest[..<open]
            body += value(for: rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        body += rest
        return RawSMS(id: String(id), sender: template.sender, body: body, inboxDateMillis: 1_767_225_600_000)
    }

    private mutating func value(for slot: Substring) -> String {
        switch slot {
        case "amount": return amount(maximumRupees: 200_000)
        case "balance": return amount(maximumRupees: 900_000)
        case "acct": return digits(4)
        case "ref": return digits(12)
        case "otp": return digits(6)
        case "name": return Self.names[nextInt(Self.names.count)]
        case "merchant": return Self.merchants[nextInt(Self.merchants.count)]
        case "vpa": return Self.vpas[nextInt(Self.vpas.count)]
        case "date": return "\(twoDigits(1 + nextInt(28)))-\(twoDigits(1 + nextInt(12)))-26"
        default: return String(slot)
        }
    }

    /// Formats a random amount the way banks do: Indian grouping or plain digits, with or without paise.
    private mutating func amount(maximumRupees: Int) -> String {
        let rupees = 1 + nextInt(maximumRupees)
        let paise = nextInt(100)
        let grouped = nextInt(2) == 0 ? indianGrouping(rupees) : String(rupees)
        return nextInt(3) == 0 ? grouped : "\(grouped).\(twoDigits(paise))"
    }

    private func indianGrouping(_ value: Int) -> String {
        let text = String(value)
        guard text.count > 3 else { return text }
        var head = String(text.dropLast(3))
        var groups: [String] = [String(text.suffix(3))]
        while head.count > 2 {
            groups.insert(String(head.suffix(2)), at: 0)
            head = String(head.dropLast(2))
        }
        if !head.isEmpty { groups.insert(head, at: 0) }
        return groups.joined(separator: ",")
    }

    private mutating func digits(_ count: Int) -> String {
        var text = ""
        for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + nextInt(10))))) }
        return text
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    private mutating func nextInt(_ bound: Int) -> Int {
        Int(nextRandom() % UInt64(bound))
    }

    private mutating func nextRandom() -> UInt64 {
        random.next()
    }
}
