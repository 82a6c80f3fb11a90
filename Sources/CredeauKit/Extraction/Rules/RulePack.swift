import Foundation

/// The classification rules and field patterns the extraction engine runs, loaded from JSON.
///
/// The pack is parsed, expanded, validated and compiled once, at load. Every pattern is matched
/// against the SMS body with ASCII letters lower-cased, so patterns are written in lower case.
/// `docs/extraction.md` describes the format; `StandardRulePack.json` is the compiled-in default.
public final class RulePack: Sendable {
    /// Ordered classification rules; the first rule that matches decides the `sms_type`.
    let rules: [ClassificationRule]
    /// Ordered patterns per field; the first pattern with a valid capture gives the value.
    let amount: [FieldPattern]
    let accountDigits: [FieldPattern]
    let balance: [FieldPattern]
    let outstanding: [FieldPattern]
    let dueAmount: [FieldPattern]
    let dueDate: [FieldPattern]
    let reference: [FieldPattern]
    let party: [FieldPattern]
    /// Debit and credit verbs; the earliest match in the body decides a `by_verb` rule's direction.
    let directionVerbs: [VerbPattern]
    /// One gate per excluded word, so the window check searches only words the body contains.
    let amountExcludedAfter: [KeywordGate]
    let foreignCurrency: RulePattern
    /// Keywords that every `foreignCurrency` match contains, so the pattern runs only when one occurs.
    let foreignCurrencyGate: KeywordGate
    let balanceExcludedWhen: KeywordGate
    let partyRejectedWords: [Keyword]
    let channels: [ChannelRule]
    let tags: [TagRule]
    let channelTagTypes: SMSTypeSet
    /// Evaluates every `KeywordGate` of the pack for one body in one pass.
    let keywordGates: KeywordAutomaton
    /// Largest capture-group count of any pattern, so one match-data block serves them all.
    let maxCaptureCount: Int

    /// The pack compiled into the binary.
    public static let standard: RulePack = {
        do {
            return try RulePack(json: StandardRulePack.json, origin: "compiled-in rule pack")
        } catch {
            preconditionFailure("The compiled-in rule pack is invalid: \(error)")
        }
    }()

    /// Loads a pack from a JSON file, for operators who override the compiled-in rules.
    public static func load(path: String) throws(RulePackError) -> RulePack {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try RulePack(json: text, origin: path)
    }

    /// Parses, validates and compiles a pack; `origin` names it in error messages.
    public init(json: String, origin: String) throws(RulePackError) {
        let document: RulePackDocument
        do {
            document = try JSONDecoder().decode(RulePackDocument.self, from: Data(json.utf8))
        } catch {
            throw .invalidJSON(origin: origin, reason: String(describing: error))
        }
        let compiler = RulePackCompiler(origin: origin, definitions: document.definitions ?? [:], gates: KeywordGateCollector())

        rules = try document.classification.map { rule throws(RulePackError) in try compiler.compile(rule) }
        guard !rules.isEmpty else { throw .invalidRule(origin: origin, rule: "classification", reason: "no rules") }
        let names = rules.map(\.name)
        if let duplicate = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw .invalidRule(origin: origin, rule: duplicate, reason: "the rule name is used twice")
        }

        let fields = document.fields
        amount = try compiler.compile(fields.amount, field: "amount")
        accountDigits = try compiler.compile(fields.accountDigits, field: "account_digits")
        balance = try compiler.compile(fields.balance, field: "balance")
        outstanding = try compiler.compile(fields.outstanding, field: "outstanding")
        dueAmount = try compiler.compile(fields.dueAmount, field: "due_amount")
        dueDate = try compiler.compile(fields.dueDate, field: "due_date")
        reference = try compiler.compile(fields.reference, field: "reference")
        party = try compiler.compile(fields.party, field: "party")

        let verbLists: [(TransactionDirection, [RulePackDocument.Verb], String)] = [
            (.debit, document.directionVerbs.debit, "direction_verbs.debit"),
            (.credit, document.directionVerbs.credit, "direction_verbs.credit"),
        ]
        var verbPatterns: [VerbPattern] = []
        for (direction, verbs, rule) in verbLists {
            guard !verbs.isEmpty else { throw .invalidRule(origin: origin, rule: rule, reason: "no verbs") }
            for verb in verbs {
                let pattern = try compiler.pattern(verb.pattern, rule: rule)
                verbPatterns.append(VerbPattern(direction: direction, any: compiler.gates.gate(for: verb.any), pattern: pattern))
            }
        }
        directionVerbs = verbPatterns

        amountExcludedAfter = document.amountExcludedAfter.map { word in compiler.gates.gate(for: [word]) }
        foreignCurrency = try compiler.pattern(document.foreignCurrency, rule: "foreign_currency")
        foreignCurrencyGate = compiler.gates.gate(for: document.foreignCurrencyAny)
        balanceExcludedWhen = compiler.gates.gate(for: document.balanceExcludedWhen)
        partyRejectedWords = document.partyRejectedWords.map(Keyword.init)

        channels = try document.channels.map { entry throws(RulePackError) in
            guard let channel = TransactionChannel(rawValue: entry.channel) else {
                throw .invalidRule(origin: origin, rule: "channels.\(entry.channel)", reason: "unknown channel '\(entry.channel)'")
            }
            let pattern = try compiler.pattern(entry.pattern, rule: "channels.\(entry.channel)")
            return ChannelRule(channel: channel, any: compiler.gates.gate(for: entry.any), pattern: pattern)
        }
        tags = try document.tags.map { entry throws(RulePackError) in try compiler.compile(entry) }
        channelTagTypes = SMSTypeSet(try document.channelTagTypes.map { raw throws(RulePackError) in
            try compiler.smsType(raw, rule: "channel_tag_types")
        })

        keywordGates = KeywordAutomaton(gates: compiler.gates.gates)

        let everyPattern = rules.flatMap(\.patterns) + rules.flatMap(\.unless)
            + [amount, accountDigits, balance, outstanding, dueAmount, dueDate, reference, party].flatMap { $0.map(\.pattern) }
            + channels.map(\.pattern) + tags.map(\.pattern) + directionVerbs.map(\.pattern) + [foreignCurrency]
        maxCaptureCount = everyPattern.map(\.captureCount).max() ?? 0
    }
}

/// One compiled classification rule.
struct ClassificationRule: Sendable {
    enum Direction: Sendable {
        case fixed(TransactionDirection)
        case byVerb
    }

    var name: String
    /// At least one keyword must occur in the body before any pattern runs; empty means no gate.
    var any: KeywordGate
    /// At least one must match; empty means the keywords alone decide.
    var patterns: [RulePattern]
    /// None may match.
    var unless: [RulePattern]
    /// Keywords that every `unless` match contains, so the `unless` patterns run only when one
    /// occurs. Empty means they always run.
    var unlessAny: KeywordGate
    var smsType: SMSType
    /// For `by_verb` rules, the type used when the direction is credit.
    var creditSMSType: SMSType?
    var accountType: AccountType?
    var direction: Direction?
    var requiresAmount: Bool
    /// Fixed refinement for the nlp tag, used instead of the tag rules.
    var tag: String?
}

/// One ordered pattern for a field; the value is capture group `group`.
struct FieldPattern: Sendable {
    var name: String
    /// When set, the pattern only applies to messages of this direction.
    var direction: TransactionDirection?
    var any: KeywordGate
    var pattern: RulePattern
    var group: Int
}

/// A verb that marks a debit or a credit, tried only when one of `any` occurs.
struct VerbPattern: Sendable {
    var direction: TransactionDirection
    var any: KeywordGate
    var pattern: RulePattern
}

/// A payment rail, named when one of `any` occurs and `pattern` matches.
struct ChannelRule: Sendable {
    var channel: TransactionChannel
    var any: KeywordGate
    var pattern: RulePattern
}

/// A refinement appended to the nlp tag when `pattern` matches a message of one of `types`.
struct TagRule: Sendable {
    var suffix: String
    var any: KeywordGate
    var pattern: RulePattern
    var types: SMSTypeSet
}

/// A lower-case keyword as UTF-8 bytes, for substring gates and word lists.
struct Keyword: Sendable {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.lowercased().utf8)
    }
}
