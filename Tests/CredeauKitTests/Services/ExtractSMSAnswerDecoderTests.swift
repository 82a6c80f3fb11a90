@testable import CredeauKit
import Testing

/// `ExtractSMSWire.entries(from:for:url:)`, which walks libbson's document, against the tree path
/// it replaced (`TreeAnswerReference`) on responses of varied entries.
@Suite struct ExtractSMSAnswerDecoderTests {
    private let url = "http://127.0.0.1:1/api/extract_sms"

    /// The entries, or the error message.
    private enum Outcome: Equatable {
        case entries([ExtractedSMS])
        case failure(String)
    }

    private func decoded(_ body: [UInt8], _ batch: [RawSMS]) -> Outcome {
        do {
            return .entries(try ExtractSMSWire.entries(from: body, for: batch, url: url))
        } catch {
            return .failure("\(error)")
        }
    }

    private func reference(_ body: [UInt8], _ batch: [RawSMS]) -> Outcome {
        do {
            return .entries(try TreeAnswerReference.entries(from: body, for: batch, url: url))
        } catch {
            return .failure("\(error)")
        }
    }

    private func batch(ids: [String], samples: inout ExtractSMSAnswerSamples) -> [RawSMS] {
        ids.map { id in
            RawSMS(id: id, sender: samples.maybe(samples.pick(ExtractSMSAnswerSamples.texts)),
                   body: samples.pick(ExtractSMSAnswerSamples.texts),
                   inboxDateMillis: samples.maybe(samples.pick(ExtractSMSAnswerSamples.dates)))
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func servedAnswerMatchesTreePath(seed: UInt64) throws {
        var samples = ExtractSMSAnswerSamples(seed: seed)
        let ids = (0..<90).map { "s\(seed)-\($0)-ü" }
        // Every third entry has all optional fields set, the next none, the next a random mix.
        let fillings: [Bool?] = [true, false, nil]
        let entries = ids.enumerated().map { index, id in
            samples.entry(id: id, setsAll: fillings[index % 3])
        }
        let sent = batch(ids: ids, samples: &samples)
        let body = ExtractSMSAnswerSamples.answer(entries)

        let outcome = decoded(body, sent)
        #expect(outcome == reference(body, sent))
        guard case let .entries(result) = outcome else {
            Issue.record("the answer was rejected: \(outcome)")
            return
        }
        #expect(result.map(\.smsID) == ids)
        #expect(result.map(\.smsBody) == sent.map(\.body))
        #expect(result.map(\.inboxDateMillis) == sent.map(\.inboxDateMillis))
        #expect(result.map(\.templateHash) == entries.map(\.templateHash))
        #expect(result.map(\.transactionChannel) == entries.map(\.transactionChannel))
        #expect(result.map(\.accountType) == entries.map(\.accountType))
        #expect(result.map(\.isExtracted) == entries.map(\.isExtracted))
        #expect(result.filter { $0.amount != nil }.count > 10)
    }

    @Test(arguments: 1...150 as ClosedRange<UInt64>)
    func oddAnswerMatchesTreePath(seed: UInt64) {
        var samples = ExtractSMSAnswerSamples(seed: seed &* 7919)
        var ids = (0..<12).map { "odd\($0)" }
        ids += ["123", "", "odd3"]
        let entries = ids.map { samples.entry(id: $0) }
        var items = entries.map { samples.oddAnswerItem($0) }
        if samples.chance(30) { items.append(samples.pick(["5", "null", "[]", #"[{"sms_id": "odd1"}]"#, #""text""#])) }
        if samples.chance(30) { items.reverse() }
        let body = Array(#"{"request_id": "r", "extracted_sms_data": ["#.utf8) + Array(items.joined(separator: ",").utf8)
            + Array("]}".utf8)
        let sent = batch(ids: samples.chance(20) ? Array(ids.prefix(5)) : ids, samples: &samples)

        #expect(decoded(body, sent) == reference(body, sent), "\(String(decoding: body, as: UTF8.self))")
    }

    @Test func invalidAnswersKeepTreePathErrors() {
        let sent = [RawSMS(id: "s1", sender: nil, body: "b", inboxDateMillis: 1), RawSMS(id: "s2", sender: nil, body: "c", inboxDateMillis: 2)]
        let firstEntry = #"{"sms_id": "s1", "sms_type": "not_in_the_list", "is_transactional": false}"#
        let cases: [(body: String, reason: String)] = [
            ("", "not JSON (the body is empty)"),
            ("not json", "not JSON (expected an object or an array at position 0)"),
            (#"{"extracted_sms_data": ["#, "not JSON ("),
            (#"{"extracted_sms_data": [{"transaction": 99999999999999999999}]}"#, "not JSON (field 'transaction': "),
            (#"{"extracted_sms_data": [{"created_at": {"$date": "soon"}}]}"#, "not JSON (field "),
            (#"[{"sms_id": "s1"}]"#, "no 'extracted_sms_data' list"),
            (#"{"request_id": "r"}"#, "no 'extracted_sms_data' list"),
            (#"{"extracted_sms_data": {"0": {"sms_id": "s1"}}}"#, "no 'extracted_sms_data' list"),
            (#"{"extracted_sms_data": "[]"}"#, "no 'extracted_sms_data' list"),
            (#"{"extracted_sms_data": null, "extracted_sms_data": []}"#, "no 'extracted_sms_data' list"),
            (#"{"Extracted_sms_data": []}"#, "no 'extracted_sms_data' list"),
            (#"{"extracted_sms_data": [\#(firstEntry)]}"#, "no entry for sms_id 's2'"),
            (#"{"extracted_sms_data": [\#(firstEntry), 5]}"#, "entry 1 is not an object"),
            (#"{"extracted_sms_data": [\#(firstEntry), null]}"#, "entry 1 is not an object"),
            (#"{"extracted_sms_data": [{"sms_id": "s1", "is_transactional": true}]}"#, "entry 0 has no sms_type"),
            (#"{"extracted_sms_data": [{"sms_id": "s1", "sms_type": null, "is_transactional": true}]}"#,
             "entry 0 has no sms_type"),
            (#"{"extracted_sms_data": [\#(firstEntry), {"sms_id": "s2", "sms_type": "otp"}]}"#, "entry 1 has no is_transactional"),
            (#"{"extracted_sms_data": [{"sms_id": "s1", "sms_type": "otp", "is_transactional": true, "#
                + #""transaction": {"$numberDecimal": "1.5"}}]}"#, "entry 0 has a transaction that is not a finite number"),
        ]
        for (text, reason) in cases {
            let body = Array(text.utf8)
            let outcome = decoded(body, sent)
            #expect(outcome == reference(body, sent), "\(text)")
            guard case let .failure(message) = outcome else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(message.hasPrefix("The SMS Extraction API at '\(url)' sent an invalid answer: \(reason)"), "\(text)")
        }
        let invalidUTF8: [UInt8] = Array(#"{"extracted_sms_data": [{"sms_id": ""#.utf8) + [0xC3, 0x28] + Array(#""}]}"#.utf8)
        #expect(decoded(invalidUTF8, sent) == reference(invalidUTF8, sent))
    }

    @Test func entriesFollowBatchOrderAndLastDuplicateWins() throws {
        var samples = ExtractSMSAnswerSamples(seed: 5)
        var first = samples.entry(id: "a", setsAll: true)
        first.amount = 10
        var second = first
        second.amount = 20
        let other = samples.entry(id: "b", setsAll: false)
        let body = ExtractSMSAnswerSamples.answer([other, first, second])
        let sent = batch(ids: ["a", "b", "a"], samples: &samples)

        let result = try ExtractSMSWire.entries(from: body, for: sent, url: url)
        #expect(result.map(\.smsID) == ["a", "b", "a"])
        #expect(result.map(\.amount) == [20, nil, 20])
        #expect(decoded(body, sent) == reference(body, sent))
    }

    @Test func bodyLikeFernetTokenIsNoError() throws {
        // The tree path tried to decrypt such a body without a key, although the sent body replaces it.
        var samples = ExtractSMSAnswerSamples(seed: 9)
        var entry = samples.entry(id: "f")
        entry.smsBody = "gAAAAABpretend-token"
        let sent = [RawSMS(id: "f", sender: "VM-BANK", body: entry.smsBody, inboxDateMillis: 5)]
        let body = ExtractSMSAnswerSamples.answer([entry])

        let result = try ExtractSMSWire.entries(from: body, for: sent, url: url)
        #expect(result.map(\.smsBody) == ["gAAAAABpretend-token"])
        #expect(throws: ExtractedSMSStoreError.self) { try TreeAnswerReference.entries(from: body, for: sent, url: url) }
    }
}
