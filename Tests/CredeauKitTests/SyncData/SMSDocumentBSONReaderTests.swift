import CBSON
import Testing
@testable import CredeauKit

/// Tests that a builder given SMS documents through the BSON reader ends with the same SMS and
/// errors as one given the same documents' `JSONValue` trees.
@Suite struct SMSDocumentBSONReaderTests {
    /// What a builder shows after adding one document: its SMS, folders, sync times and skips,
    /// or the error.
    struct Outcome: Equatable {
        var sms: [RawSMS] = []
        var syncedAt: [Int64] = []
        var folders: [SMSFolder] = []
        var syncTimes: [Int64]?
        var skipped = 0
        var firstSkipReason: String?
        var error: String?
    }

    /// - Parameter libbsonOnly: with `throughBSON`, skip the simdjson tape that the loader tries
    ///   first, so the libbson path is compared too.
    static func outcome(_ text: String, skips: Bool, throughBSON: Bool, libbsonOnly: Bool = false) -> Outcome {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1", skipsInvalidData: skips)
        var outcome = Outcome()
        do {
            if throughBSON, libbsonOnly {
                try UserDataLoader.addSMSWithLibBSON(Array(text.utf8), to: &builder)
            } else if throughBSON {
                try UserDataLoader.addSMS(text, to: &builder)
            } else {
                try builder.add(document: JSONParser.parse(text), source: .sms)
            }
        } catch {
            outcome.error = "\(error)"
            return outcome
        }
        let synced = builder.syncedSMS
        outcome.sms = synced.map(\.raw)
        outcome.syncedAt = synced.map(\.syncedAt)
        let user = builder.build(classified: synced.map { ExtractedSMS(
            smsID: $0.raw.id, smsSender: "", smsBody: "", inboxDateMillis: nil, createdAtMillis: 0, templateHash: "",
            senderType: .other, smsType: .notInTheList, smsNLPTag: "") })
        outcome.folders = user.smsFolders
        outcome.syncTimes = user.syncTimes[.sms]
        outcome.skipped = builder.skippedSMSCount
        outcome.firstSkipReason = builder.firstSkipReason
        return outcome
    }

    /// Returns true when the reader reads the document itself instead of leaving it to the tree path.
    static func isCovered(_ text: String) throws -> Bool {
        let parsed = try JSONParser.parseDocument(Array(text.utf8))
        defer { bson_destroy(parsed.document) }
        return SMSDocumentBSONReader.read(parsed.document, collectsImplausible: true) != nil
    }

    /// Returns true when the loader reads the document from simdjson's tape.
    static func isCoveredByTape(_ text: String) -> Bool {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1", skipsInvalidData: true)
        return (try? UserDataLoader.addSMSFromTape(Array(text.utf8), to: &builder)) == true
    }

    // Field spellings of one SMS; "" leaves the field out.
    static let ids = ["", #""sms_id": "a1""#, #""id": 17"#, #""_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaaa"}"#,
                      #""_id": {"$oid": "65F0AAAAAAAAAAAAAAAAAAAA"}"#, #""sms_id": {"$oid": "65f0"}"#,
                      #""message_id": null, "id": "m2""#, #""sms_id": 2.5"#, #""sms_id": "x", "sms_id": "y""#,
                      #""id": true"#]
    static let bodies = [#""sms_body": "Rs 10 debited""#, #""body": "hi""#, #""message": "msg""#, #""text": 42"#,
                         #""sms_body": null, "text": "fallback""#, "", #""body": ["a"]"#, #""sms_body": "é ü 😀""#,
                         #""body": "x", "body": null"#]
    static let senders = ["", #""sms_sender": "VM-HDFCBK""#, #""sender": "AD-ICICIB""#, #""address": "9812345678""#,
                          #""from": 98123"#, #""sms_sender": null"#, #""sender": {"a": 1}"#]
    static let dates = ["", #""sms_inbox_date": 1773400000000"#, #""date": "2026-03-10 10:00:00""#,
                        #""inbox_date": {"$date": "2026-03-10T04:30:00Z"}"#,
                        #""received_at": {"$date": {"$numberLong": "1773400000000"}}"#,
                        #""date": {"$date": {"$numberLong": "-86400000"}}"#, #""date": {"$date": {"$numberLong": "0"}}"#,
                        #""date": {"$date": "2026-03-10T04:30:00.250Z"}"#, #""date": {"$date": "2026-02-30T04:30:00Z"}"#,
                        #""date": {"$date": "2026-03-10T04:30:00+05:30"}"#, #""date": {"$date": "2026-03-10T24:00:00Z"}"#,
                        #""date": {"$date": {"$numberLong": "017"}}"#, #""date": {"$date": 1773400000000}"#,
                        #""date": {"$date": {"$numberLong": "1773400000000", "x": 1}}"#,
                        #""date": {"$numberLong": "1773400000000"}"#, #""sms_inbox_date": "1773400000000""#,
                        #""date": 1773400000000.0"#, #""sms_inbox_date": "yesterday""#, #""date": 86400000"#,
                        #""sms_inbox_date": 1775000000000"#, #""sms_inbox_date": null"#, #""date": false"#]
    static let folders = ["", #""folder": "SENT""#, #""type": "2""#, #""type": 2"#, #""folder": "inbox""#,
                          #""type": true"#, #""folder": null, "type": "Sent""#]
    static let extras = ["", #""extra": [1, 2]"#, #""nested": {"a": [1]}"#, #""bödy": "x""#, #""sms_idx": 1"#]
    static let headers = [
        #""client_id": "c1", "user_id": "u1", "request_id": "r1", "created_at": 1773500000000"#,
        #""clientId": "c1", "userId": "u1", "sync_request_id": "r9", "createdAt": {"$date": 1773500000000}"#,
        #""client_id": "c1", "user_id": "u1", "created_at": {"$date": {"$numberLong": "1773500000000"}}"#,
        #""_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaab"}, "client_id": "c1", "user_id": "u1", "created_at": {"$date": {"$numberLong": "1773500000000"}}"#,
        #""_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaab"}, "client_id": "c1", "user_id": "u1", "created_at": {"$date": "2026-03-14T15:33:20Z"}"#,
        #""client_id": "c1", "user_id": "u1", "created_at": {"$date": "2026-03-14T15:33:20.007Z"}"#,
        #""client_id": "c1", "user_id": "u1", "created_at": {"$date": "1969-12-31T23:59:59Z"}"#,
        #""client_id": "c1", "user_id": "u1", "meta": {"a": {"$oid": "65f0aaaaaaaaaaaaaaaaaaab"}, "b": {"c": 1, "$d": 2}}"#,
        #""client_id": "c1", "user_id": "u1""#,
        #""client_id": "c1", "user_id": "u2", "created_at": 1773500000000"#,
        #""user_id": "u1", "created_at": 1773500000000"#,
        #""client_id": "c1", "user_id": "u1", "created_at": "soon""#,
        #""client_id": "c1", "user_id": "u1", "requestId": ["r"]"#,
    ]
    static let listNames = ["sms", "data", "records", "batch", "sms_data", "messages"]

    static func record(_ random: inout SplitMix64) -> String {
        func pick(_ choices: [String], plainOdds: Int) -> String {
            // Mostly the first non-empty spellings, so most documents stay plain enough to read.
            let index = Int(random.next() % UInt64(plainOdds + choices.count))
            return index < plainOdds ? choices.first { !$0.isEmpty } ?? "" : choices[index - plainOdds]
        }
        let fields = [pick(ids, plainOdds: 6), pick(bodies, plainOdds: 10), pick(senders, plainOdds: 6),
                      pick(dates, plainOdds: 12), pick(folders, plainOdds: 6), pick(extras, plainOdds: 8)]
        var shuffled = fields.filter { !$0.isEmpty }
        shuffled.shuffle(using: &random)
        return "{" + shuffled.joined(separator: ", ") + "}"
    }

    static func document(_ random: inout SplitMix64) -> String {
        let header = headers[Int(random.next() % UInt64(headers.count + 4)) % headers.count]
        let name = listNames[Int(random.next() % UInt64(listNames.count))]
        let records = (0..<Int(random.next() % 5)).map { _ in record(&random) }
        var list = "[" + records.joined(separator: ", ") + "]"
        switch random.next() % 12 {
        case 0: list = #"{"sms_body": "not a list"}"#
        case 1: list += #", "sms": null"#
        case 2: list = #"[1, "two"]"#
        case 3: list = #"[], "\#(name)": "# + list
        default: break
        }
        return "{\(header), \"\(name)\": \(list)}"
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func readerMatchesTreeOnVariedDocuments(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var covered = 0
        var coveredByTape = 0
        for _ in 0..<400 {
            let text = Self.document(&random)
            for skips in [false, true] {
                let tree = Self.outcome(text, skips: skips, throughBSON: false)
                let loaded = Self.outcome(text, skips: skips, throughBSON: true)
                let bson = Self.outcome(text, skips: skips, throughBSON: true, libbsonOnly: true)
                #expect(loaded == tree, "\(text), skipping implausible SMS: \(skips)")
                #expect(bson == tree, "\(text), skipping implausible SMS: \(skips), libbson only")
            }
            if (try? Self.isCovered(text)) == true { covered += 1 }
            if Self.isCoveredByTape(text) { coveredByTape += 1 }
        }
        // Both paths are compared: a good share of the documents go through the reader itself,
        // and of those a share through simdjson's tape.
        #expect(covered > 60)
        #expect(covered < 400)
        #expect(coveredByTape > 30)
        #expect(coveredByTape <= covered)
    }

    @Test(arguments: [
        #"[{"client_id": "c1"}]"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": []}"#,
        #"{"client_id": "c1", "user_id": "u1"}"#,
        #"{"clientId": "c1", "userId": "u1", "sync_request_id": "r9", "createdAt": {"$date": 1773500000000}, "messages": [{"id": "1", "address": "VM-HDFCBK", "body": "Rs 10 debited", "date": 1773400000000}, {"_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaaa"}, "from": "9812345678", "text": "hi", "received_at": "2026-03-10 10:00:00", "type": "sent"}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_id": "1"}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "created_at": 1772323201000, "sms": [{"sms_id": "1", "sms_body": "a", "sms_inbox_date": 86400000}, {"sms_id": "2", "sms_body": "b", "sms_inbox_date": 1772323200600}, {"sms_id": "3", "sms_body": "c", "sms_inbox_date": 1775000000000}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_body": "a", "sms_inbox_date": 1772323200600}], "sms": [{"sms_body": "b"}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": "none"}"#,
        #"{"_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaab"}, "client_id": "c1", "user_id": "u1", "created_at": {"$date": {"$numberLong": "1773500000000"}}, "sms": [{"sms_id": "1", "sms_body": "$5 \u00e9", "sms_inbox_date": {"$date": {"$numberLong": "1773400000000"}}}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_body": "a", "sms_inbox_date": {"$date": {"$numberLong": "99999999999999999999"}}}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_body": "a", "$oid": "65f0aaaaaaaaaaaaaaaaaaab"}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_body": "a", "sms_inbox_date": {"$numberLong": "1773400000000"}}]}"#,
        #"{"client_id": "c1", "user_id": "u1", "sms": [{"sms_body": "a", "sms_inbox_date": 1773400000000.0, "n": 18446744073709551615}]}"#,
    ])
    func readerMatchesTreeOnListedDocuments(text: String) {
        for skips in [false, true] {
            let tree = Self.outcome(text, skips: skips, throughBSON: false)
            #expect(Self.outcome(text, skips: skips, throughBSON: true) == tree)
            #expect(Self.outcome(text, skips: skips, throughBSON: true, libbsonOnly: true) == tree)
        }
    }

    @Test func plainDocumentsAreReadWithoutTheTree() throws {
        let plain = #"{"client_id": "c1", "user_id": "u1", "created_at": 1773500000000, "sms": [{"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "Rs 5 debited", "sms_inbox_date": 1773400000000}, {"body": "b", "type": 2, "date": "2026-03-10 10:00:00"}]}"#
        #expect(try Self.isCovered(plain))
        let outcome = Self.outcome(plain, skips: false, throughBSON: true)
        #expect(outcome.sms.map(\.body) == ["Rs 5 debited", "b"])
        #expect(outcome.folders == [.inbox, .sent])
        #expect(outcome.sms.first?.requestID == nil)
        let withObjectID = #"{"client_id": "c1", "user_id": "u1", "sms": [{"_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaaa"}, "body": "b"}]}"#
        #expect(try !Self.isCovered(withObjectID))
        #expect(!Self.isCoveredByTape(withObjectID))

        // The header wrappers of exported and stored documents stay on the tape path.
        let exported = #"{"_id": {"$oid": "65f0aaaaaaaaaaaaaaaaaaab"}, "client_id": "c1", "user_id": "u1", "created_at": {"$date": {"$numberLong": "1773500000000"}}, "sms": [{"sms_id": "1", "sms_body": "b", "sms_inbox_date": 1773400000000}]}"#
        #expect(Self.isCoveredByTape(exported))
        #expect(Self.outcome(exported, skips: false, throughBSON: true).syncTimes == [1_773_500_000_000])
        let stored = #"{ "client_id" : "c1", "user_id" : "u1", "created_at" : { "$date" : "2026-03-14T15:33:20.500Z" }, "sms" : [ { "sms_id" : "1", "sms_body" : "b", "sms_inbox_date" : 1773400000000 } ] }"#
        #expect(Self.isCoveredByTape(stored))
        #expect(Self.outcome(stored, skips: false, throughBSON: true).syncTimes == [1_773_502_400_500])
    }
}
