@testable import CredeauKit

/// The decoding of SMS Extraction API responses that `ExtractSMSAnswerDecoder` replaced: a
/// `JSONValue` tree whose scalar columns become texts for `ExtractedSMSRowCodec`, with the later
/// rule that an amount must read as a finite number. The tests check the new decoder against it.
enum TreeAnswerReference {
    private static let columnIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: ExtractedSMSColumns.names.enumerated().map { ($1, $0) })

    static func entries(from body: [UInt8], for batch: [RawSMS], url: String) throws -> [ExtractedSMS] {
        let answer: JSONValue
        do {
            answer = try JSONParser.parse(body)
        } catch {
            throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "not JSON (\(error.reason))")
        }
        // The decoder reads the first `extracted_sms_data` key, while the subscript returns the last.
        let list = answer.objectValue?.first { $0.0 == "extracted_sms_data" }?.1
        guard let items = list?.arrayValue else {
            throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "no 'extracted_sms_data' list")
        }
        let codec = ExtractedSMSRowCodec(fernet: nil)
        var byID: [String: ExtractedSMS] = [:]
        for (position, item) in items.enumerated() {
            guard let members = item.objectValue else {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "entry \(position) is not an object")
            }
            var columns = [String?](repeating: nil, count: ExtractedSMSColumns.names.count)
            var structured: Set<String> = []
            for (name, value) in members {
                guard let index = columnIndex[name] else { continue }
                switch value {
                case .array, .object: structured.insert(name)
                default: break
                }
                switch value {
                case let .string(text): columns[index] = text
                case let .bool(flag): columns[index] = flag ? "t" : "f"
                case let .integer(number): columns[index] = String(number)
                case let .number(number): columns[index] = String(number)
                default: break
                }
            }
            for name in ["sms_type", "is_transactional"] where columns[columnIndex[name]!] == nil {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "entry \(position) has no \(name)")
            }
            for name in ["transaction", "available_balance", "outstanding_amount", "due_amount"] {
                let text = columns[columnIndex[name]!]
                guard !structured.contains(name), text.map(ExtractSMSAnswerDecoder.isDecimalAmount) ?? true else {
                    throw SMSExtractionServiceError.invalidAnswer(
                        url: url, reason: "entry \(position) has a \(name) that is not a finite number")
                }
            }
            let entry = try codec.entry(from: columns)
            byID[entry.smsID] = entry
        }
        return try batch.map { sms in
            guard var entry = byID[sms.id] else {
                throw SMSExtractionServiceError.invalidAnswer(url: url, reason: "no entry for sms_id '\(sms.id)'")
            }
            entry.smsBody = sms.body
            entry.inboxDateMillis = sms.inboxDateMillis
            return entry
        }
    }
}

/// Seeded generators of varied extracted entries and of responses that encode them.
struct ExtractSMSAnswerSamples {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let texts = [
        "", "plain", "HDFC Bank", "quote \" and backslash \\", "tab\tnew\nline\r", "₹ 1,500.00 debited",
        "देवनागरी पाठ", "emoji 💳🏦", "e\u{301} combining", "\u{1}\u{1F} control", "slash / and <tag>",
        String(repeating: "long text ", count: 40),
    ]
    static let dates: [Int64] = [0, 1_000, 946_684_800_000, 1_772_000_000_123, 4_102_444_799_999, -86_400_000]
    static let amounts: [Double] = [0, 1, 12.5, 12.05, 1500, 99_999.99, 123_456_789.12, 89_999_999_999_999.98,
                                    -250.75, 9e13, 1e300]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
    mutating func maybe<T>(_ value: T) -> T? { chance(50) ? value : nil }

    /// An entry whose optional fields are each nil or set, as `setsAll` requests or at random.
    mutating func entry(id: String, setsAll: Bool? = nil) -> ExtractedSMS {
        var entry = ExtractedSMS(
            smsID: id, smsSender: pick(Self.texts), smsBody: pick(Self.texts), inboxDateMillis: maybe(pick(Self.dates)),
            createdAtMillis: pick(Self.dates), templateHash: pick(Self.texts), senderType: pick(SenderType.allCases),
            smsType: pick(SMSType.allCases), smsNLPTag: pick(Self.texts))
        func value<T>(_ make: @autoclosure () -> T) -> T? {
            switch setsAll {
            case true?: return make()
            case false?: return nil
            case nil: return maybe(make())
            }
        }
        entry.userID = value(pick(Self.texts))
        entry.clientID = value(pick(Self.texts))
        entry.requestID = value(pick(Self.texts))
        entry.isClassified = chance(50)
        entry.isExtracted = chance(50)
        entry.senderName = value(pick(Self.texts))
        entry.smsSubType = value(pick(AccountType.allCases))
        entry.transactionType = value(pick([TransactionDirection.debit, .credit]))
        entry.amount = value(pick(Self.amounts))
        entry.accountLastDigits = value(pick(["1234", "0001", "XX99"]))
        entry.transactionParty = value(pick(Self.texts))
        entry.uniquePAN = value(pick(["ABCDE1234F", "", "pan ✓"]))
        entry.availableBalance = value(pick(Self.amounts))
        entry.outstandingAmount = value(pick(Self.amounts))
        entry.referenceNumber = value(pick(["412345678901", "UTR-xyz", "००१२"]))
        entry.transactionChannel = value(pick(TransactionChannel.allCases))
        entry.dueAmount = value(pick(Self.amounts))
        entry.dueDate = value(pick(["2026-03-18", "1999-12-31", "not a date"]))
        entry.accountType = value(pick(AccountType.allCases))
        return entry
    }

    /// Encodes `entries` as serve-sms does.
    static func answer(_ entries: [ExtractedSMS], requestID: String = "r") -> [UInt8] {
        SMSExtractionHandler.encode(ExtractedSMSRows(entries), requestID: requestID)
    }

    /// Encodes one column value as serve-sms does.
    static func json(_ value: ExtractedFieldValue) -> String {
        // The writer puts a one-value row as `{"sms_id":VALUE}`.
        var object: [UInt8] = []
        JSONLinesWriter.append(values: [value], to: &object)
        return String(decoding: object.dropFirst(#"{"sms_id":"#.utf8.count).dropLast(), as: UTF8.self)
    }

    /// Writes one column value in one of the JSON forms another writer could use: the usual
    /// form, a text, a number, a boolean, an Extended JSON object, `null`, a list or an object.
    mutating func oddValue(for value: ExtractedFieldValue) -> String {
        let plain = Self.json(value)
        return pick([
            plain, plain, "null", "[1, \"a\"]", #"{"nested": true}"#, "true", "false", "1", "0", "1.0", "-7",
            "1772000000000", "9007199254740993", "2.5e3", #""t""#, #""true""#, #""1""#, #""12.50""#, #""abc""#,
            #""2026-03-18 10:20:30""#, #""2026-03-18T04:50:30.5Z""#, #"{"$date": "2026-03-18T04:50:30Z"}"#,
            #"{"$date": {"$numberLong": "1772000000000"}}"#, #"{"$numberLong": "123456789012"}"#,
            #"{"$oid": "5f1d7a3b9c8e4d2a1b0c9d8e"}"#, #"{"$numberDecimal": "1.5"}"#, #""\u0000 nul""#,
            // Near misses of enum raw values, which the decoder matches by bytes.
            #""BANK""#, #""upi\u0301""#, #""b\u00e4nk""#, #""otp\u0000""#, #""card ""#, #""debit-transaction""#,
            #""account_debit_executed""#, #""\u212Aotak""#,
        ])
    }

    /// Writes a response item for `entry` with shuffled, repeated, unknown and oddly typed members.
    mutating func oddAnswerItem(_ entry: ExtractedSMS) -> String {
        let values = ExtractedSMSColumns.values(of: entry)
        var members: [String] = []
        for (name, value) in zip(ExtractedSMSColumns.names, values) {
            // An entry without sms_type or is_transactional makes the whole response invalid, so
            // these two are kept almost always, and most responses get past that check.
            let isRequired = name == "sms_type" || name == "is_transactional"
            if !isRequired && chance(10) { continue }
            let plain = Self.json(value)
            // sms_id keeps its usual form mostly, so that most SMS find their entry.
            let keepsPlain = name == "sms_id" ? chance(90) : isRequired && chance(99)
            let written = keepsPlain ? plain : oddValue(for: value)
            members.append("\"\(name)\": \(written)")
            if chance(5) { members.append("\"\(name)\": \(oddValue(for: value))") }
        }
        if chance(20) { members.append(#""unknown_key": "x""#) }
        if chance(30) { members.shuffle(using: &random) }
        return "{" + members.joined(separator: ", ") + "}"
    }
}
