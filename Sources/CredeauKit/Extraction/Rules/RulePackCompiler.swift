/// Turns decoded rule-pack entries into compiled rules, naming the rule in every error.
struct RulePackCompiler {
    let origin: String
    let definitions: [String: String]
    /// Collects every `any` list, from which the pack builds its `KeywordAutomaton`.
    let gates: KeywordGateCollector

    /// Replaces each `{name}` whose name is a key of `definitions`; other braces, such as the
    /// `{2,6}` quantifier, are left alone.
    func expand(_ source: String, rule: String) throws(RulePackError) -> String {
        var output = ""
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else {
                output += rest[open...]
                return output
            }
            let name = String(rest[afterOpen..<close])
            let isIdentifier = !name.isEmpty && name.allSatisfy { $0.isLetter || $0 == "_" }
            if isIdentifier {
                guard let replacement = definitions[name] else {
                    throw .invalidRule(origin: origin, rule: rule, reason: "unknown definition '{\(name)}'")
                }
                output += replacement
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    func pattern(_ source: String, rule: String) throws(RulePackError) -> RulePattern {
        let expanded = try expand(source, rule: rule)
        let regex: PCRE2Pattern
        do {
            regex = try PCRE2Pattern(expanded, options: [.utf])
        } catch {
            throw .invalidRule(origin: origin, rule: rule, reason: error.description)
        }
        return RulePattern(regex: regex, start: startGate(expanded))
    }

    /// Returns the gate of the pattern's leading literals, when it has some that the automaton
    /// finds as written. A literal that lower-casing would change is not used, because the body's
    /// lower-cased copy keeps non-ASCII letters as they are.
    private func startGate(_ expanded: String) -> (bit: Int, longest: Int)? {
        guard let literals = LeadingLiterals.of(expanded) else { return nil }
        let texts = literals.map { String(decoding: $0, as: UTF8.self) }
        guard zip(texts, literals).allSatisfy({ Keyword($0.0).bytes == $0.1 }),
              let bit = gates.gate(for: texts).bit
        else { return nil }
        return (bit, literals.map(\.count).max() ?? 0)
    }

    func smsType(_ raw: String, rule: String) throws(RulePackError) -> SMSType {
        guard let type = SMSType(rawValue: raw) else {
            throw .invalidRule(origin: origin, rule: rule, reason: "unknown sms_type '\(raw)'")
        }
        return type
    }

    func compile(_ rule: RulePackDocument.Rule) throws(RulePackError) -> ClassificationRule {
        let name = rule.name
        let keywords = gates.gate(for: rule.any)
        let patterns = try (rule.patterns ?? []).map { source throws(RulePackError) in try pattern(source, rule: name) }
        let unless = try (rule.unless ?? []).map { source throws(RulePackError) in try pattern(source, rule: name) }
        let type = try smsType(rule.smsType, rule: name)
        let creditType = try rule.creditSMSType.map { raw throws(RulePackError) in try smsType(raw, rule: name) }

        var accountType: AccountType?
        if let raw = rule.accountType {
            guard let parsed = AccountType(rawValue: raw) else {
                throw .invalidRule(origin: origin, rule: name, reason: "unknown account_type '\(raw)'")
            }
            accountType = parsed
        }

        var direction: ClassificationRule.Direction?
        switch rule.direction {
        case nil: direction = nil
        case "debit": direction = .fixed(.debit)
        case "credit": direction = .fixed(.credit)
        case "by_verb": direction = .byVerb
        case let other?:
            throw .invalidRule(origin: origin, rule: name, reason: "unknown direction '\(other)' (use debit, credit or by_verb)")
        }
        if case .byVerb = direction, creditType == nil {
            throw .invalidRule(origin: origin, rule: name, reason: "a by_verb rule needs credit_sms_type")
        }
        if type.isTransactional, direction == nil {
            throw .invalidRule(origin: origin, rule: name, reason: "the transactional sms_type '\(type.rawValue)' needs a direction")
        }
        return ClassificationRule(
            name: name, any: keywords, patterns: patterns, unless: unless, unlessAny: gates.gate(for: rule.unlessAny), smsType: type, creditSMSType: creditType,
            accountType: accountType, direction: direction, requiresAmount: rule.requiresAmount ?? false, tag: rule.tag)
    }

    func compile(_ entries: [RulePackDocument.Field], field: String) throws(RulePackError) -> [FieldPattern] {
        guard !entries.isEmpty else {
            throw .invalidRule(origin: origin, rule: "fields.\(field)", reason: "no patterns")
        }
        return try entries.map { entry throws(RulePackError) in
            let rule = "fields.\(field).\(entry.name)"
            let compiled = try pattern(entry.pattern, rule: rule)
            let group = entry.group ?? compiled.captureCount
            guard group >= 1, group <= compiled.captureCount else {
                throw .invalidRule(origin: origin, rule: rule, reason: "capture group \(group) does not exist because the pattern has \(compiled.captureCount)")
            }
            var direction: TransactionDirection?
            switch entry.direction {
            case nil: direction = nil
            case "debit": direction = .debit
            case "credit": direction = .credit
            case let other?:
                throw .invalidRule(origin: origin, rule: rule, reason: "unknown direction '\(other)' (use debit or credit)")
            }
            return FieldPattern(name: entry.name, direction: direction, any: gates.gate(for: entry.any), pattern: compiled, group: group)
        }
    }

    func compile(_ entry: RulePackDocument.Tag) throws(RulePackError) -> TagRule {
        let rule = "tags.\(entry.suffix)"
        let isValidSuffix = !entry.suffix.isEmpty && entry.suffix.allSatisfy { ($0.isASCII && $0.isLowercase) || $0 == "_" }
        guard isValidSuffix else {
            throw .invalidRule(origin: origin, rule: rule, reason: "a suffix is lower-case ASCII letters and underscores")
        }
        let types = try entry.types.map { raw throws(RulePackError) in try smsType(raw, rule: rule) }
        return TagRule(suffix: entry.suffix, any: gates.gate(for: entry.any), pattern: try pattern(entry.pattern, rule: rule), types: SMSTypeSet(types))
    }
}
