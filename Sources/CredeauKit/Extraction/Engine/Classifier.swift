/// The outcome of classification: the type, and what the deciding rule fixed.
struct Classification {
    var smsType: SMSType
    var accountType: AccountType?
    var direction: TransactionDirection?
    var tag: String?

    /// Types that carry no account fields worth extracting.
    var extractsFields: Bool {
        smsType != .otp && smsType != .promotional && smsType != .notInTheList
    }
}

/// Applies the ordered classification rules, and the first rule whose gates all pass decides.
///
/// The amount and the verb direction are computed at most once, on first need, because several
/// rules may ask for them.
struct Classifier {
    let scanner: FieldScanner
    let rules: [ClassificationRule]
    private var cachedAmount: Double??
    private var cachedDirection: TransactionDirection??

    init(scanner: FieldScanner, rules: [ClassificationRule]) {
        self.scanner = scanner
        self.rules = rules
    }

    mutating func amount() -> Double? {
        if let cachedAmount { return cachedAmount }
        let value = scanner.amount()
        cachedAmount = .some(value)
        return value
    }

    mutating func direction() -> TransactionDirection? {
        if let cachedDirection { return cachedDirection }
        let value = scanner.verbDirection()
        cachedDirection = .some(value)
        return value
    }

    mutating func classify() -> Classification {
        if scanner.text.count == 0 { return Classification(smsType: .notInTheList) }
        // Rules are read in place by index, and patterns tried in plain loops: `for rule in rules`
        // copied every rule (retaining its arrays and strings), gated-out ones included, and
        // `contains(where: scanner.matches)` copied the scanner into a closure.
        for index in rules.indices {
            guard scanner.text.containsAny(rules[index].any) else { continue }
            if !rules[index].patterns.isEmpty, !anyMatches(rules[index].patterns) { continue }
            if scanner.text.containsAny(rules[index].unlessAny), anyMatches(rules[index].unless) { continue }

            let rule = rules[index]
            var type = rule.smsType
            var direction: TransactionDirection?
            switch rule.direction {
            case .fixed(let fixed)?:
                direction = fixed
            case .byVerb?:
                guard let found = self.direction() else { continue }
                direction = found
                if found == .credit, let creditType = rule.creditSMSType { type = creditType }
            case nil:
                direction = nil
            }
            // A foreign-currency spend is a transaction even though its amount is left out.
            if rule.requiresAmount, amount() == nil, !scanner.hasForeignAmount() { continue }
            return Classification(smsType: type, accountType: rule.accountType, direction: direction, tag: rule.tag)
        }
        return Classification(smsType: .notInTheList)
    }

    private func anyMatches(_ patterns: [RulePattern]) -> Bool {
        for index in patterns.indices where scanner.matches(patterns[index]) { return true }
        return false
    }
}
