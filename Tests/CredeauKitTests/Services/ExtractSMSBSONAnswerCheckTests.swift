import CBSON
@testable import CredeauKit
import Testing

/// The decoder of BSON responses checks elements in the walk that reads them. Its entries and errors
/// must equal those of checking the whole document with `credeau_bson_check_document` first and
/// reading it after, the order it had before.
@Suite struct ExtractSMSBSONAnswerCheckTests {
    private let url = "http://127.0.0.1:1/api/extract_sms"

    enum Outcome: Equatable {
        case entries([ExtractedSMS])
        case failure(String)
    }

    /// A BSON value for the documents these tests build with libbson's append functions, which
    /// do not check UTF-8, so texts and keys may be invalid.
    indirect enum Member {
        case text([UInt8])
        case flag(Bool)
        case null
        case document([(key: [UInt8], value: Member)])
        case array([Member])
    }

    private func outcome(_ body: [UInt8]) -> Outcome {
        do {
            return .entries(try ExtractSMSAnswerDecoder.entries(fromBSON: body, url: url))
        } catch let SMSExtractionServiceError.invalidAnswer(_, reason) {
            return .failure(reason)
        } catch {
            return .failure("other error \(error)")
        }
    }

    /// The outcome of the earlier two walks: the whole check, then the read without checks.
    private func referenceOutcome(_ body: [UInt8]) -> Outcome {
        guard let document = body.withUnsafeBufferPointer({ bson_new_from_data($0.baseAddress, $0.count) }) else {
            return .failure("not BSON (the \(body.count) bytes are not one whole document)")
        }
        defer { bson_destroy(document) }
        var offset = 0
        guard credeau_bson_check_document(document, &offset) else {
            return .failure("not BSON (invalid element at byte \(offset))")
        }
        do {
            return .entries(try ExtractSMSAnswerDecoder.entries(in: document, checksElements: false, url: url))
        } catch let SMSExtractionServiceError.invalidAnswer(_, reason) {
            return .failure(reason)
        } catch {
            return .failure("other error \(error)")
        }
    }

    private func bytes(of members: [(key: [UInt8], value: Member)]) -> [UInt8] {
        let document = bson_new()!
        defer { bson_destroy(document) }
        append(members, to: document)
        let data = bson_get_data(document)!
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    private func append(_ members: [(key: [UInt8], value: Member)], to document: OpaquePointer) {
        for (key, value) in members {
            let keyText = key.map { CChar(bitPattern: $0) } + [0]
            let keyLength = Int32(key.count)
            switch value {
            case let .text(text):
                let valueText = text.map { CChar(bitPattern: $0) } + [0]
                #expect(bson_append_utf8(document, keyText, keyLength, valueText, Int32(text.count)))
            case let .flag(flag):
                #expect(bson_append_bool(document, keyText, keyLength, flag))
            case .null:
                #expect(bson_append_null(document, keyText, keyLength))
            case let .document(children):
                let child = bson_new()!
                defer { bson_destroy(child) }
                append(children, to: child)
                #expect(bson_append_document(document, keyText, keyLength, child))
            case let .array(items):
                let child = bson_new()!
                defer { bson_destroy(child) }
                append(items.enumerated().map { (Array(String($0.offset).utf8), $0.element) }, to: child)
                #expect(bson_append_array(document, keyText, keyLength, child))
            }
        }
    }

    private func key(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static let invalidUTF8: [UInt8] = [0x61, 0xC3, 0x28]

    private func entry(_ index: Int, extra: [(key: [UInt8], value: Member)] = [], hasType: Bool = true) -> Member {
        var members: [(key: [UInt8], value: Member)] = [
            (key("sms_id"), .text(Array("e\(index)".utf8))),
            (key("sms_body"), .text(Array("body \(index)".utf8))),
            (key("sender_name"), .text(Array("hdfc bank".utf8))),
        ]
        if hasType { members.append((key("sms_type"), .text(Array("account_debit_executed".utf8)))) }
        members.append((key("is_transactional"), .flag(index % 2 == 0)))
        return .document(members + extra)
    }

    /// Documents `depth` levels deep, counting the outermost.
    private func nested(depth: Int) -> Member {
        var member = Member.document([(key("leaf"), .null)])
        for _ in 1..<depth { member = .document([(key("a"), member)]) }
        return member
    }

    private func answer(_ entries: [Member], before: [(key: [UInt8], value: Member)] = [],
                        after: [(key: [UInt8], value: Member)] = []) -> [UInt8] {
        bytes(of: before + [(key("request_id"), .text(Array("r".utf8))), (key("extracted_sms_data"), .array(entries))] + after)
    }

    private func cases() -> [(name: String, body: [UInt8])] {
        let bad = Self.invalidUTF8
        let valid = (0..<3).map { entry($0) }
        var cases: [(name: String, body: [UInt8])] = [
            ("valid", answer(valid)),
            ("empty list", answer([])),
            ("bad skipped body", answer([entry(0), entry(1, extra: [(key("sms_body"), .text(bad))])])),
            ("bad skipped date", answer([entry(0, extra: [(key("sms_inbox_date"), .text(bad))])])),
            ("bad read column", answer([entry(0), entry(1, extra: [(key("sender_name"), .text(bad))])])),
            ("bad unknown value", answer([entry(0, extra: [(key("note"), .text(bad))])])),
            ("bad unknown key", answer([entry(0, extra: [(bad, .null)])])),
            ("bad key equal length", answer([entry(0, extra: [([0xFF] + key("ms_type"), .null)])])),
            ("nul inside text", answer([entry(0, extra: [(key("note"), .text([0x61, 0, 0x62]))])])),
            ("missing type", answer([entry(0), entry(1, hasType: false), entry(2)])),
            ("missing type then bad text", answer([entry(0, hasType: false), entry(1, extra: [(key("x"), .text(bad))])])),
            ("missing type then bad top", answer([entry(0, hasType: false)], after: [(key("tail"), .text(bad))])),
            ("bad top after list", answer(valid, after: [(key("tail"), .text(bad))])),
            ("bad top before list", answer(valid, before: [(key("head"), .document([(key("t"), .text(bad))]))])),
            ("bad second list", answer(valid, after: [(key("extracted_sms_data"), .array([.text(bad)]))])),
            ("item not object", answer([entry(0), .text(Array("x".utf8)), entry(2)])),
            ("item not object then bad", answer([.null, entry(1, extra: [(key("y"), .text(bad))])])),
            ("bad inside column object", answer([entry(0, extra: [(key("sms_type"), .document([(key("k"), .text(bad))]))])])),
            ("bad inside column array", answer([entry(0, extra: [(key("due_date"), .array([.flag(true), .text(bad)]))])])),
            ("list not array", bytes(of: [(key("extracted_sms_data"), .document([]))])),
            ("list not array then bad", bytes(of: [(key("extracted_sms_data"), .null), (key("z"), .text(bad))])),
            ("no list", bytes(of: [(key("request_id"), .text(Array("r".utf8)))])),
            ("no list, bad", bytes(of: [(key("request_id"), .text(bad))])),
        ]
        // The answer's entries are at level 2, so a value nested 29 deep reaches the limit of 32.
        for depth in 27...31 {
            cases.append(("entry value \(depth) deep", answer([entry(0, extra: [(key("deep"), nested(depth: depth))])])))
            cases.append(("column value \(depth) deep", answer([entry(0, extra: [(key("sms_type"), nested(depth: depth))])])))
            cases.append(("top value \(depth + 2) deep", answer(valid, after: [(key("deep"), nested(depth: depth + 2))])))
        }
        return cases
    }

    @Test func builtAnswersMatchCheckFirst() {
        var failures = Set<String>()
        for (name, body) in cases() {
            let expected = referenceOutcome(body)
            #expect(outcome(body) == expected, "\(name)")
            if case let .failure(reason) = expected { failures.insert(String(reason.prefix(20))) }
        }
        // The cases reach each kind of error, so the comparison covers their order.
        #expect(failures.contains("not BSON (invalid el"))
        #expect(failures.contains("no 'extracted_sms_da"))
        #expect(failures.contains { $0.hasPrefix("entry 1 has no") })
        #expect(failures.contains { $0.hasPrefix("entry 1 is not") })
    }

    @Test(arguments: [false, true])
    func corruptedAnswersMatchCheckFirst(omittingBody: Bool) throws {
        var samples = ExtractSMSAnswerSamples(seed: 91)
        let entries = (0..<4).map { samples.entry(id: "c\($0)-ü", setsAll: $0 % 2 == 0) }
        let body = try #require(ExtractedSMSBSONWriter.encode(ExtractedSMSRows(entries), requestID: "r",
                                                              omittingBody: omittingBody))
        #expect(outcome(body) == referenceOutcome(body))
        var random = SplitMix64(seed: omittingBody ? 17 : 18)
        var invalid = 0
        for _ in 0..<3000 {
            var corrupt = body
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let position = Int(random.next() % UInt64(corrupt.count))
                corrupt[position] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
            }
            let expected = referenceOutcome(corrupt)
            #expect(outcome(corrupt) == expected, "\(corrupt)")
            if case let .failure(reason) = expected, reason.hasPrefix("not BSON (invalid element") { invalid += 1 }
        }
        #expect(invalid > 100)
    }
}
