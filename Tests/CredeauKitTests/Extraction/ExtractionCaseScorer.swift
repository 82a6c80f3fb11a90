import Foundation
@testable import CredeauKit

/// Scores the extractor against a JSON Lines case file: each line has `id`, `sender`, `body`
/// and `expect`, and every key of `expect` is one scored field. A field expected as `null` must
/// be absent, so `"party": null` means that the SMS names no counter-party.
struct ExtractionCaseScorer {
    struct Result {
        var cases = 0
        var matched = 0
        var total = 0
        var failures: [String] = []

        var share: Double { total == 0 ? 0 : Double(matched) / Double(total) }
    }

    enum LoadError: Error, CustomStringConvertible {
        case invalidLine(Int)

        var description: String {
            switch self {
            case .invalidLine(let line): return "Case file line \(line) is not a JSON object with id, body and expect"
            }
        }
    }

    static func score(fileAt path: String, extractor: SMSExtractor = SMSExtractor()) throws -> Result {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var result = Result()
        var lineNumber = 0
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            lineNumber += 1
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let body = object["body"] as? String,
                  let expect = object["expect"] as? [String: Any] else {
                throw LoadError.invalidLine(lineNumber)
            }
            result.cases += 1
            let sms = RawSMS(id: id, sender: object["sender"] as? String, body: body, inboxDateMillis: nil)
            let entry = extractor.extract(sms, createdAtMillis: 0)
            for (key, value) in expect.sorted(by: { $0.key < $1.key }) {
                result.total += 1
                if matches(key: key, expected: value, entry: entry) {
                    result.matched += 1
                } else {
                    result.failures.append("\(id) \(key): expected \(value), got \(actual(key: key, entry: entry))")
                }
            }
        }
        return result
    }

    static func matches(key: String, expected: Any, entry: ExtractedSMS) -> Bool {
        if expected is NSNull { return actual(key: key, entry: entry) == "nil" }
        switch key {
        case "is_transaction":
            return (expected as? Bool) == entry.isTransactional
        case "direction":
            let direction: TransactionDirection? = (expected as? String) == "debit" ? .debit : .credit
            return entry.transactionType == direction
        case "amount":
            return sameMoney(expected, entry.amount)
        case "balance":
            return sameMoney(expected, entry.availableBalance)
        case "outstanding":
            return sameMoney(expected, entry.outstandingAmount)
        case "due_amount":
            return sameMoney(expected, entry.dueAmount)
        case "sms_type":
            return entry.smsType.rawValue == expected as? String
        case "account_last_digits":
            let digits = String(describing: expected).filter(\.isNumber)
            guard let found = entry.accountLastDigits?.filter(\.isNumber), !found.isEmpty, !digits.isEmpty else { return false }
            return found.hasSuffix(digits) || digits.hasSuffix(found)
        case "account_kind":
            return entry.accountType?.rawValue == expected as? String
        case "party":
            guard let party = (expected as? String)?.lowercased(), let found = entry.transactionParty?.lowercased(),
                  !found.isEmpty else { return false }
            return found.contains(party) || party.contains(found)
        case "reference":
            let clean = { (text: String) in text.filter { $0.isLetter || $0.isNumber } }
            guard let found = entry.referenceNumber else { return false }
            return clean(found) == clean(String(describing: expected))
        case "category":
            return categoryMatches(expected as? String ?? "", entry: entry)
        default:
            return false
        }
    }

    static func categoryMatches(_ category: String, entry: ExtractedSMS) -> Bool {
        let type = entry.smsType
        switch category {
        case "otp": return type == .otp
        case "promotional": return type == .promotional
        case "emi_due": return type == .loanEMIDue || type == .billDue
        case "loan_disbursed": return type == .loanDisbursed
        case "bounce": return type == .paymentBounce
        case "bill_due": return [.billDue, .cardStatement, .loanEMIDue].contains(type)
        case "card_statement": return type == .cardStatement || type == .billDue
        case "balance_update": return type == .balanceUpdate
        case "salary": return entry.smsNLPTag.contains("salary")
        case "other": return true
        default: return false
        }
    }

    private static func sameMoney(_ expected: Any, _ found: Double?) -> Bool {
        guard let found, let value = (expected as? NSNumber)?.doubleValue else { return false }
        return abs(found - value) < 0.005
    }

    private static func actual(key: String, entry: ExtractedSMS) -> String {
        switch key {
        case "is_transaction": return "\(entry.isTransactional) (\(entry.smsNLPTag))"
        case "direction": return entry.transactionType?.rawValue ?? "nil"
        case "amount": return entry.amount.map { "\($0)" } ?? "nil"
        case "balance": return entry.availableBalance.map { "\($0)" } ?? "nil"
        case "outstanding": return entry.outstandingAmount.map { "\($0)" } ?? "nil"
        case "due_amount": return entry.dueAmount.map { "\($0)" } ?? "nil"
        case "sms_type": return entry.smsType.rawValue
        case "account_last_digits": return entry.accountLastDigits ?? "nil"
        case "account_kind": return entry.accountType?.rawValue ?? "nil"
        case "party": return entry.transactionParty ?? "nil"
        case "reference": return entry.referenceNumber ?? "nil"
        default: return "\(entry.smsType.rawValue) / \(entry.smsNLPTag)"
        }
    }
}
