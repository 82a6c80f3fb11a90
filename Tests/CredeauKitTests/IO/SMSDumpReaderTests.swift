import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import CredeauKit

@Suite struct SMSDumpReaderTests {
    private let dumpUsers = ["cu-1001", "cu-1002", "cu-1003", "cu-1004", "cu-1005"]

    @Test func mongoexportDumpGroupsUsersInFirstSeenOrder() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("sync_db"))

        #expect(result.groups.map { $0.key.userID } == dumpUsers)
        #expect(result.groups.allSatisfy { $0.key.clientID == "lendwise_demo" })
        #expect(result.problems.isEmpty)
        #expect(result.counts.documents == 10)
    }

    @Test func interleavedUserKeepsFileOrderWithinUser() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("sync_db"))
        let first = try #require(result.groups.first)

        // cu-1001's two sync requests are lines 1 and 3, with cu-1002 between them.
        #expect(first.key.userID == "cu-1001")
        let requests = first.sms.compactMap(\.raw.requestID)
        #expect(requests.first == "sr-1001-01")
        #expect(requests.last == "sr-1001-02")
        #expect(requests == requests.sorted())
        #expect(first.sms.allSatisfy { $0.raw.userID == "cu-1001" })
    }

    @Test func resyncedDuplicatesAreDroppedPerUser() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("sync_db"))

        // Each user's second sync repeats six SMS with their ids and one with a new id; one SMS is sent.
        #expect(result.counts.duplicates == 35)
        #expect(result.counts.notInInbox == 1)
        #expect(result.allSMS.count == 272)
        for group in result.groups {
            let ids = group.sms.map(\.raw.id)
            #expect(Set(ids).count == ids.count, "user \(group.key)")
        }
        #expect(!result.allSMS.contains { $0.raw.id == "1005-sent-1" })
    }

    /// Several parsing threads and windows of one or two documents give what one thread gives:
    /// the same users in the same order, records, counts and problems in file order.
    @Test(arguments: ["sync_db", "mongodump", "bad/bad-sync.json", "bad/bad-json-line.jsonl", "bad/wrong-types.jsonl",
                      "bad/truncated.bson", "bad/bad-array.json", "bad/invalid-utf8.jsonl", "sms/messages.jsonl"])
    func parallelReadMatchesOneThread(fixture: String) throws {
        let single = try IOTestSupport.read(IOTestSupport.fixture(fixture))
        for (workers, window) in [(3, 2), (2, 1), (1, 1)] {
            let parallel = try IOTestSupport.read(IOTestSupport.fixture(fixture), workers: workers, windowDocuments: window)
            #expect(parallel.groups.map(\.key) == single.groups.map(\.key), "\(workers) workers, window \(window)")
            #expect(parallel.allSMS == single.allSMS, "\(workers) workers, window \(window)")
            #expect(parallel.counts == single.counts, "\(workers) workers, window \(window)")
            #expect(parallel.problems == single.problems, "\(workers) workers, window \(window)")
        }
        #expect(single.counts.documents > 0 || !single.problems.isEmpty)
    }

    /// Users and clients that differ only in Unicode normalisation are two owners: a filter on one
    /// never selects the other, and without a filter each keeps its own SMS.
    @Test func selectionMatchesIDBytes() throws {
        let lines = [("acme", "caf\u{E9}", "1"), ("acme", "cafe\u{301}", "1"), ("acm\u{E9}", "u", "2"), ("acme\u{301}", "u", "2")]
            .map { client, user, id in
                #"{"client_id":"\#(client)","user_id":"\#(user)","request_id":"r-\#(user)","#
                    + #""sms":[{"sms_id":"\#(id)","sms_body":"Rs 5 debited","sms_inbox_date":1772541341000}]}"#
            }
        let path = try IOTestSupport.writeTemporaryFile(named: "twins.jsonl", lines.joined(separator: "\n") + "\n")

        let all = try IOTestSupport.read(path)
        #expect(all.groups.count == 4)
        #expect(all.allSMS.count == 4)
        let composed = try IOTestSupport.read(path, selection: SMSSelection(userIDs: ["caf\u{E9}"]))
        #expect(composed.groups.map { ExactText($0.key.userID ?? "") } == [ExactText("caf\u{E9}")])
        let bothUsers = try IOTestSupport.read(path, selection: SMSSelection(userIDs: ["caf\u{E9}", "cafe\u{301}"]))
        #expect(bothUsers.groups.count == 2)
        let client = try IOTestSupport.read(path, selection: SMSSelection(clientID: "acme\u{301}"))
        #expect(client.groups.map { ExactText($0.key.clientID ?? "") } == [ExactText("acme\u{301}")])

        let filter = BatchUserFilter(userIDs: ["e\u{301}"], clientID: "acme")
        #expect(filter.accepts(clientID: "acme", userID: "e\u{301}"))
        #expect(!filter.accepts(clientID: "acme", userID: "\u{E9}"))
        #expect(!BatchUserFilter(clientID: "acm\u{E9}").accepts(clientID: "acme\u{301}", userID: "u"))
    }

    /// Documents without a user id may come from different phones: the same sms_id in two of
    /// them is two SMS, while a repeat inside one document is still a duplicate.
    @Test func documentsWithoutUserDeduplicateAlone() throws {
        let lines = [
            #"{"request_id":"r1","user_id":null,"sms":[{"sms_id":"1","sms_body":"Rs 5 debited A/c XX1234","sms_inbox_date":1772541341000},"#
                + #"{"sms_id":"1","sms_body":"Rs 5 debited A/c XX1234","sms_inbox_date":1772541341000}]}"#,
            #"{"request_id":"r2","sms":[{"sms_id":"1","sms_body":"Rs 9 debited A/c XX9999","sms_inbox_date":1772541342000}]}"#,
        ]
        let path = try IOTestSupport.writeTemporaryFile(named: "nouser.jsonl", lines.joined(separator: "\n") + "\n")

        let result = try IOTestSupport.read(path)
        #expect(result.allSMS.map(\.raw.body) == ["Rs 5 debited A/c XX1234", "Rs 9 debited A/c XX9999"])
        #expect(result.counts.duplicates == 1)
    }

    @Test func bsonDumpGivesSameRecordsAsJSON() throws {
        let json = try IOTestSupport.read(IOTestSupport.fixture("sync_db"))
        let bson = try IOTestSupport.read(IOTestSupport.fixture("mongodump"))

        #expect(bson.groups.map(\.key) == json.groups.map(\.key))
        #expect(bson.allSMS == json.allSMS)
        #expect(bson.counts == json.counts)
    }

    @Test func jsonArrayExportGivesSameRecordsAsLines() throws {
        let linesPath = IOTestSupport.fixture("sync_db/sms_sync_request_sms_data.json")
        let lines = try String(contentsOfFile: linesPath, encoding: .utf8).split(separator: "\n")
        // mongoexport --jsonArray --pretty output: one array, documents separated by commas and newlines.
        let array = "[\n" + lines.joined(separator: ",\n") + "\n]\n"
        let arrayPath = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json", array)

        let fromLines = try IOTestSupport.read(linesPath)
        let fromArray = try IOTestSupport.read(arrayPath)
        #expect(fromArray.problems.isEmpty)
        #expect(fromArray.allSMS == fromLines.allSMS)
        #expect(fromArray.counts == fromLines.counts)
    }

    @Test func bsonFileAndFolderResolveAlike() throws {
        let folder = try IOTestSupport.read(IOTestSupport.fixture("mongodump/sync_db"))
        let file = try IOTestSupport.read(IOTestSupport.fixture("mongodump/sync_db/sms_sync_request_sms_data.bson"))

        #expect(folder.allSMS == file.allSMS)
        #expect(folder.allSMS.count == 272)
    }

    @Test func fieldVariantsAndDateFormatsOfSingleSMS() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("sms/messages.jsonl"))
        let byID = Dictionary(uniqueKeysWithValues: result.allSMS.map { ($0.raw.id, $0.raw) })

        #expect(result.problems.isEmpty)
        #expect(byID.count == 9)
        #expect(byID["m-001"]?.inboxDateMillis == 1_772_700_000_000)
        #expect(byID["m-002"]?.sender == "AD-SBIINB")
        #expect(byID["m-002"]?.userID == "cu-2002")
        // 2026-03-05 14:20:00 India time is 08:50:00 UTC.
        #expect(byID["m-002"]?.inboxDateMillis == 1_772_700_600_000)
        #expect(byID["66f1a2b3c4d5e6f7a8b90101"]?.body.hasPrefix("ICICI Bank") == true)
        #expect(byID["66f1a2b3c4d5e6f7a8b90101"]?.inboxDateMillis == 1_772_770_530_000)
        #expect(byID["9001"]?.sender == "AX-AXISBK")
        #expect(byID["9001"]?.inboxDateMillis == 1_772_897_700_000)
        #expect(byID["m-005"]?.inboxDateMillis == 1_772_937_000_000)
        #expect(byID["m-006"]?.inboxDateMillis == 1_772_960_400_000)
        #expect(byID["m-007"]?.inboxDateMillis == 1_773_000_000_000)
        #expect(byID["m-008"]?.body.contains("\"rent\"") == true)
        #expect(byID["m-008"]?.body.contains("C:\\docs") == true)
        #expect(byID["m-008"]?.inboxDateMillis == 1_773_062_110_000)
        #expect(byID["m-009"]?.sender == nil)
        #expect(byID["m-009"]?.inboxDateMillis == 1_773_081_000_000)
    }

    @Test func singleSMSLinesAreGroupedByUser() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("sms/messages.jsonl"))

        #expect(result.groups.map { $0.key.userID } == ["cu-2001", "cu-2002"])
        #expect(result.groups[0].sms.map(\.raw.id) == ["m-001", "66f1a2b3c4d5e6f7a8b90101", "m-005", "m-007", "m-009"])
    }

    @Test func jsonArrayOfSingleSMS() throws {
        let result = try IOTestSupport.read(IOTestSupport.fixture("sms/messages.json"))

        #expect(result.problems.isEmpty)
        #expect(result.groups.map { $0.key.userID } == ["cu-3001", "cu-3002"])
        #expect(result.groups[0].sms.map(\.raw.id) == ["a-001", "a-003"])
        #expect(result.groups[1].sms.first?.raw.body.contains("{first EMI}") == true)
        #expect(result.groups[1].sms.first?.raw.id == "42")
    }

    @Test func userSelectionKeepsOnlyListedUsers() throws {
        let selection = SMSSelection(userIDs: ["cu-1003", "cu-1005"])
        let result = try IOTestSupport.read(IOTestSupport.fixture("sync_db"), selection: selection)

        #expect(result.groups.map { $0.key.userID } == ["cu-1003", "cu-1005"])
    }

    @Test func clientSelectionDropsOtherClientsAndFillsMissing() throws {
        let other = try IOTestSupport.read(IOTestSupport.fixture("sync_db"), selection: SMSSelection(clientID: "someone_else"))
        #expect(other.groups.isEmpty)

        let filled = try IOTestSupport.read(IOTestSupport.fixture("sms/messages.json"),
                                            selection: SMSSelection(clientID: "lendwise_demo"))
        #expect(filled.allSMS.allSatisfy { $0.raw.clientID == "lendwise_demo" })
        #expect(filled.groups.allSatisfy { $0.key.clientID == "lendwise_demo" })
    }

    @Test func contentDuplicateWithNewIDIsDropped() throws {
        let lines = """
            {"sms_id":"x1","sms_sender":"VM-HDFCBK","sms_body":"Same text","sms_inbox_date":1772700000000,"user_id":"u1"}
            {"sms_id":"x2","sms_sender":"VM-HDFCBK","sms_body":"Same text","sms_inbox_date":1772700000000,"user_id":"u1"}
            {"sms_id":"x3","sms_sender":"VM-HDFCBK","sms_body":"Same text","sms_inbox_date":1772700000000,"user_id":"u2"}
            {"sms_id":"x4","sms_sender":"VM-HDFCBK","sms_body":"No date","user_id":"u1"}
            {"sms_id":"x5","sms_sender":"VM-HDFCBK","sms_body":"No date","user_id":"u1"}
            {"sms_id":"x1","sms_sender":"VM-HDFCBK","sms_body":"Edited text","sms_inbox_date":1772700000001,"user_id":"u1"}
            """
        let result = try IOTestSupport.read(try IOTestSupport.writeTemporaryFile(named: "dupes.jsonl", lines))

        #expect(result.groups.map { $0.sms.map(\.raw.id) } == [["x1", "x4", "x5"], ["x3"]])
        #expect(result.counts.duplicates == 2)
    }

    @Test func namedPipeIsCopiedAndRead() throws {
        let pipe = try IOTestSupport.makeTemporaryFolder() + "/sms.pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        let contents = try Data(contentsOf: URL(fileURLWithPath: IOTestSupport.fixture("sms/messages.json")))
        // Opening a FIFO for writing blocks until the reader opens it, so the writer runs on its own thread.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: pipe) else { return }
            handle.write(contents)
            try? handle.close()
        }
        writer.start()

        let result = try IOTestSupport.read(pipe)
        #expect(result.allSMS.map(\.raw.id) == ["a-001", "a-003", "42"])
        #expect(result.problems.isEmpty)
    }

    @Test func byteOrderMarkAndCRLFLinesAreRead() throws {
        let lines = "\u{FEFF}{\"sms_id\":\"k1\",\"sms_body\":\"first\",\"user_id\":\"u1\"}\r\n\r\n"
            + "{\"sms_id\":\"k2\",\"sms_body\":\"second\",\"user_id\":\"u1\"}\r\n"
        let result = try IOTestSupport.read(try IOTestSupport.writeTemporaryFile(named: "crlf.jsonl", lines))

        #expect(result.problems.isEmpty)
        #expect(result.allSMS.map(\.raw.id) == ["k1", "k2"])
    }

    @Test func linesLongerThanOneChunkAreRead() throws {
        // A body longer than the 1 MiB read chunk makes its line span two or more chunks.
        let longBody = String(repeating: "₹ 1,250 debited. ", count: 90_000)
        let lines = "{\"sms_id\":\"l1\",\"sms_body\":\"short\",\"user_id\":\"u1\"}\n"
            + "{\"sms_id\":\"l2\",\"sms_body\":\"\(longBody)\",\"user_id\":\"u1\"}\n"
            + "{\"sms_id\":\"l3\",\"sms_body\":\"after\",\"user_id\":\"u1\"}"
        #expect(lines.utf8.count > DocumentScanner.chunkSize + 100_000)
        let result = try IOTestSupport.read(try IOTestSupport.writeTemporaryFile(named: "long.jsonl", lines))

        #expect(result.problems.isEmpty)
        #expect(result.allSMS.map(\.raw.id) == ["l1", "l2", "l3"])
        #expect(result.allSMS[1].raw.body == longBody)
    }

    @Test func emptyFileHasNoRecords() throws {
        let result = try IOTestSupport.read(try IOTestSupport.writeTemporaryFile(named: "empty.json", "  \n"))

        #expect(result.groups.isEmpty)
        #expect(result.problems.isEmpty)
    }

    @Test func missingInputIsNotFound() throws {
        #expect(throws: SMSInputError.notFound(path: "/nonexistent/dump.json")) {
            try SMSInputSource(path: "/nonexistent/dump.json")
        }
    }

    @Test func folderWithoutSMSCollectionIsRejected() throws {
        let folder = try IOTestSupport.makeTemporaryFolder()
        #expect(throws: SMSInputError.noSMSCollection(folder: folder)) {
            try SMSInputSource(path: folder)
        }
    }

    @Test func unknownFormatIsRejected() throws {
        let path = try IOTestSupport.writeTemporaryFile(named: "notes.txt", "sms_id,sms_body\n1,hello\n")
        #expect(throws: SMSInputError.self) {
            try SMSInputSource(path: path)
        }
        do {
            _ = try SMSInputSource(path: path)
        } catch let error as SMSInputError {
            #expect(error.description.contains("Unknown input format"))
            #expect(error.exitCode == 1)
        }
    }

    @Test func sqliteFileIsNamedAsSuch() throws {
        let path = try IOTestSupport.writeTemporaryFile(named: "credeau.db", "SQLite format 3\u{0}" + String(repeating: "\u{1}", count: 200))
        #expect {
            try SMSInputSource(path: path)
        } throws: { error in
            (error as? SMSInputError)?.description.contains("it is a SQLite database, which only features mode reads") == true
        }
    }

    @Test func repeatedKeyTakesItsLastValue() throws {
        // As the feature loader and Python's json read it; a variant name still loses to the canonical one.
        let path = try IOTestSupport.writeTemporaryFile(named: "sms_sync_request_sms_data.json",
            #"{"client_id": "a", "client_id": "b", "clientId": "c", "user_id": "u", "sms": ["#
            + #"{"sms_id": "1", "sms_id": "2", "sms_body": "Rs 5 debited", "sms_inbox_date": 1772541341000}]}"# + "\n")
        let result = try IOTestSupport.read(path)
        #expect(result.groups.map(\.key.clientID) == ["b"])
        #expect(result.allSMS.map(\.raw.id) == ["2"])
    }
}
