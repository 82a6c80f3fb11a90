/// The JSON shape of a rule pack, as decoded before validation.
struct RulePackDocument: Decodable {
    struct Rule: Decodable {
        var name: String
        var any: [String]?
        var patterns: [String]?
        var unless: [String]?
        var unlessAny: [String]?
        var smsType: String
        var creditSMSType: String?
        var accountType: String?
        var direction: String?
        var requiresAmount: Bool?
        var tag: String?

        enum CodingKeys: String, CodingKey {
            case name, any, patterns, unless, direction, tag
            case smsType = "sms_type"
            case creditSMSType = "credit_sms_type"
            case accountType = "account_type"
            case requiresAmount = "requires_amount"
            case unlessAny = "unless_any"
        }
    }

    struct Field: Decodable {
        var name: String
        var any: [String]?
        var pattern: String
        var group: Int?
        var direction: String?
    }

    struct Fields: Decodable {
        var amount: [Field]
        var accountDigits: [Field]
        var balance: [Field]
        var outstanding: [Field]
        var dueAmount: [Field]
        var dueDate: [Field]
        var reference: [Field]
        var party: [Field]

        enum CodingKeys: String, CodingKey {
            case amount, balance, outstanding, reference, party
            case accountDigits = "account_digits"
            case dueAmount = "due_amount"
            case dueDate = "due_date"
        }
    }

    struct Verb: Decodable {
        var any: [String]?
        var pattern: String
    }

    struct DirectionVerbs: Decodable {
        var debit: [Verb]
        var credit: [Verb]
    }

    struct Channel: Decodable {
        var channel: String
        var any: [String]?
        var pattern: String
    }

    struct Tag: Decodable {
        var suffix: String
        var any: [String]?
        var pattern: String
        var types: [String]
    }

    var version: Int
    var definitions: [String: String]?
    var directionVerbs: DirectionVerbs
    var classification: [Rule]
    var fields: Fields
    var amountExcludedAfter: [String]
    var foreignCurrency: String
    var foreignCurrencyAny: [String]?
    var balanceExcludedWhen: [String]
    var partyRejectedWords: [String]
    var channels: [Channel]
    var tags: [Tag]
    var channelTagTypes: [String]

    enum CodingKeys: String, CodingKey {
        case version, definitions, classification, fields, channels, tags
        case directionVerbs = "direction_verbs"
        case amountExcludedAfter = "amount_excluded_after"
        case foreignCurrency = "foreign_currency"
        case foreignCurrencyAny = "foreign_currency_any"
        case balanceExcludedWhen = "balance_excluded_when"
        case partyRejectedWords = "party_rejected_words"
        case channelTagTypes = "channel_tag_types"
    }
}
