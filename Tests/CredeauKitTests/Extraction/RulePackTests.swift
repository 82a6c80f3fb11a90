import Foundation
import Testing
@testable import CredeauKit

@Suite struct RulePackTests {
    /// Re-encodes the compiled-in pack after `edit` changes one part of it.
    private func editedPack(_ edit: (inout [String: Any]) -> Void) throws -> String {
        var document = try #require(JSONSerialization.jsonObject(with: Data(StandardRulePack.json.utf8)) as? [String: Any])
        edit(&document)
        return String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    }

    private func editFirstRule(_ edit: @escaping (inout [String: Any]) -> Void) throws -> String {
        try editedPack { document in
            var rules = document["classification"] as? [[String: Any]] ?? []
            edit(&rules[0])
            document["classification"] = rules
        }
    }

    private func loadError(_ json: String) -> RulePackError? {
        do {
            _ = try RulePack(json: json, origin: "test pack")
            return nil
        } catch {
            return error
        }
    }

    @Test func standardPackLoads() throws {
        let pack = try RulePack(json: StandardRulePack.json, origin: "test")
        #expect(pack.rules.count > 10)
        #expect(pack.maxCaptureCount >= 2)
    }

    @Test func standardPatternsAreJITCompiled() {
        let pack = RulePack.standard
        let fields = [pack.amount, pack.accountDigits, pack.balance, pack.outstanding, pack.dueAmount, pack.dueDate,
                      pack.reference, pack.party].flatMap { $0.map(\.pattern) }
        let patterns = pack.rules.flatMap { $0.patterns + $0.unless } + fields + pack.directionVerbs.map(\.pattern)
            + pack.channels.map(\.pattern) + pack.tags.map(\.pattern) + [pack.foreignCurrency]
        #expect(patterns.count > 100)
        for pattern in patterns {
            #expect(pattern.isJITCompiled, "\(pattern.source) runs in the interpreter")
        }
    }

    @Test func malformedJSONIsRejected() {
        guard case .invalidJSON(let origin, _)? = loadError("{\"version\": 1") else {
            Issue.record("expected invalidJSON")
            return
        }
        #expect(origin == "test pack")
    }

    @Test func unknownSMSTypeNamesRule() throws {
        let json = try editFirstRule { $0["sms_type"] = "bogus" }
        guard case let .invalidRule(_, rule, reason)? = loadError(json) else {
            Issue.record("expected invalidRule")
            return
        }
        #expect(rule == "otp")
        #expect(reason.contains("'bogus'"))
    }

    @Test func badRegexNamesRuleAndOffset() throws {
        let json = try editFirstRule { $0["patterns"] = ["otp (\\d+"] }
        guard case let .invalidRule(_, rule, reason)? = loadError(json) else {
            Issue.record("expected invalidRule")
            return
        }
        #expect(rule == "otp")
        #expect(reason.contains("at byte"))
    }

    @Test func unknownDefinitionIsRejected() throws {
        let json = try editFirstRule { $0["patterns"] = ["{nosuchname}"] }
        guard case let .invalidRule(_, _, reason)? = loadError(json) else {
            Issue.record("expected invalidRule")
            return
        }
        #expect(reason.contains("{nosuchname}"))
    }

    @Test func transactionalRuleNeedsDirection() throws {
        let json = try editFirstRule { $0["sms_type"] = "account_debit_executed" }
        guard case let .invalidRule(_, rule, reason)? = loadError(json) else {
            Issue.record("expected invalidRule")
            return
        }
        #expect(rule == "otp")
        #expect(reason.contains("direction"))
    }

    @Test func duplicateRuleNameIsRejected() throws {
        let json = try editedPack { document in
            var rules = document["classification"] as? [[String: Any]] ?? []
            rules.append(rules[0])
            document["classification"] = rules
        }
        guard case let .invalidRule(_, rule, _)? = loadError(json) else {
            Issue.record("expected invalidRule")
            return
        }
        #expect(rule == "otp")
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: RulePackError.self) { try RulePack.load(path: "/nonexistent/credeau-rules.json") }
    }

    @Test func overrideFileChangesClassification() throws {
        // A pack whose first rule files every "debited" message as promotional.
        let json = try editedPack { document in
            var rules = document["classification"] as? [[String: Any]] ?? []
            rules.insert(["name": "everything_promo", "any": ["debited"], "sms_type": "promotional"], at: 0)
            document["classification"] = rules
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-rules-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let custom = SMSExtractor(rules: try RulePack.load(path: path))
        let sms = RawSMS(id: "1", sender: nil, body: "Rs 10 debited from A/c XX1234", inboxDateMillis: nil)
        #expect(custom.extract(sms, createdAtMillis: 0).smsType == .promotional)
        #expect(SMSExtractor().extract(sms, createdAtMillis: 0).smsType == .accountDebitExecuted)
    }
}
