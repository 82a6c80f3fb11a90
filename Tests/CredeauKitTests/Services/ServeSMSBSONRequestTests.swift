import CBSON
import Foundation
import Testing
@testable import CredeauKit

/// `credeau serve-sms` run as a process, sent `POST /api/extract_sms` bodies as BSON
/// (`Content-Type: application/bson`): the same answer and stored rows as for JSON, and
/// documented errors for malformed documents.
@Suite struct ServeSMSBSONRequestTests {
    private static let bsonHeaders = ["Content-Type": "application/bson"]

    private static func bsonBody(requestID: String = "req-1", sms: [RawSMS]) -> [UInt8] {
        var body: [UInt8] = []
        _ = ExtractSMSBSONBody.write(sms, clientID: "acme", userID: "user-1", requestID: requestID, into: &body)
        return body
    }

    /// `text` with the values of `created_at` and `created_date` blanked, because each call stamps its own time.
    private static func withoutCreationTimes(_ text: String) -> String {
        text.replacingOccurrences(of: #""created_(at|date)":"[^"]*""#, with: #""created_$1":"""#,
                                  options: .regularExpression)
    }

    /// Every stored row, ordered by sms_id, without the creation-time columns.
    private static func storedRows(_ workspace: ServeSMSTests.Workspace) throws -> [[SQLiteValue]] {
        let database = try SQLiteDatabase(path: workspace.sqlitePath)
        let names = try database.query("PRAGMA table_info(extracted_sms)").compactMap { row -> String? in
            if case let .text(name) = row[1] { return name }
            return nil
        }
        let kept = names.filter { !$0.hasPrefix("created_") }
        #expect(kept.count >= 20)
        let columns = kept.map { "\"\($0)\"" }.joined(separator: ", ")
        return try database.query("SELECT \(columns) FROM extracted_sms ORDER BY sms_id")
    }

    @Test func bsonRequestMatchesJSONRequest() throws {
        let sms = ServeSMSTestSupport.rawSMS(try ServeSMSTestSupport.loadCases())
        #expect(sms.count >= 120)
        let jsonWorkspace = try ServeSMSTests.Workspace()
        let bsonWorkspace = try ServeSMSTests.Workspace()
        let jsonService = try ServeSMSProcess(environment: jsonWorkspace.environment())
        let bsonService = try ServeSMSProcess(environment: bsonWorkspace.environment())

        let json = try jsonService.client().request(
            "POST", "/api/extract_sms", body: ServeSMSTestSupport.body(requestID: "req-1", sms: sms))
        let bson = try bsonService.client().request(
            "POST", "/api/extract_sms", headers: Self.bsonHeaders, body: Self.bsonBody(sms: sms))
        #expect(json.status == 200)
        #expect(bson.status == 200, "\(bson.text.prefix(300))")
        #expect(bson.headers["content-type"] == "application/json")
        #expect(Self.withoutCreationTimes(bson.text) == Self.withoutCreationTimes(json.text))
        #expect(try ServeSMSTestSupport.entries(bson).count == sms.count)

        #expect(jsonService.stop() == 0)
        #expect(bsonService.stop() == 0)
        let jsonRows = try Self.storedRows(jsonWorkspace)
        #expect(jsonRows.count == sms.count)
        #expect(try Self.storedRows(bsonWorkspace) == jsonRows)
    }

    @Test func gzippedBSONRequestAccepted() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let sms = ServeSMSTestSupport.debitSMS(count: 40)
        let plain = try client.request("POST", "/api/extract_sms", headers: Self.bsonHeaders, body: Self.bsonBody(sms: sms))
        let gzipped = try client.request(
            "POST", "/api/extract_sms", headers: Self.bsonHeaders.merging(["Content-Encoding": "gzip"]) { $1 },
            body: Gzip.compress(Self.bsonBody(sms: sms)))
        #expect(plain.status == 200)
        #expect(gzipped.status == 200, "\(gzipped.text.prefix(300))")
        #expect(Self.withoutCreationTimes(gzipped.text) == Self.withoutCreationTimes(plain.text))
        #expect(service.stop() == 0)
    }

    /// Sends `body` as BSON and returns the single 422 issue, checking the status and shape.
    private func issue(_ client: RawHTTPClient, _ body: [UInt8], sourceLocation: SourceLocation = #_sourceLocation)
        throws -> JSONValue? {
        let response = try client.request("POST", "/api/extract_sms", headers: Self.bsonHeaders, body: body)
        #expect(response.status == 422, "\(response.text.prefix(300))", sourceLocation: sourceLocation)
        #expect(response.headers["content-type"] == "application/json", sourceLocation: sourceLocation)
        let issues = try JSONParser.parse(response.body)["detail"]?.arrayValue ?? []
        #expect(issues.count == 1, "\(response.text.prefix(300))", sourceLocation: sourceLocation)
        return issues.first
    }

    @Test func malformedBSONGives422() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let valid = Self.bsonBody(sms: ServeSMSTestSupport.debitSMS(count: 3))

        let truncated = try issue(client, Array(valid.dropLast(10)))
        #expect(truncated?["type"] == .string("bson_invalid"))
        #expect(truncated?["loc"] == .array([.string("body"), .integer(0)]))
        #expect(truncated?["msg"] == .string("BSON decode error"))
        #expect(truncated?["input"] == .object([]))
        #expect(truncated?["ctx"]?["error"] == .string(
            "the length prefix is \(valid.count) bytes but the body has \(valid.count - 10)"))

        var wrongPrefix = valid
        wrongPrefix[0] &+= 1
        #expect(try issue(client, wrongPrefix)?["ctx"]?["error"] == .string(
            "the length prefix is \(valid.count + 1) bytes but the body has \(valid.count)"))

        #expect(try issue(client, [])?["type"] == .string("bson_invalid"))
        #expect(try issue(client, Array(#"{"client_id": "acme"}"#.utf8))?["type"] == .string("bson_invalid"))

        // A byte of "debited" in the first SMS body becomes 0xFF.
        var invalidUTF8 = valid
        let start = try #require(valid.indices.first { valid[$0...].starts(with: Array("debited".utf8)) })
        invalidUTF8[start] = 0xFF
        let utf8Issue = try issue(client, invalidUTF8)
        #expect(utf8Issue?["type"] == .string("bson_invalid"))
        #expect(utf8Issue?["ctx"]?["error"]?.stringValue?.hasPrefix("invalid element, invalid UTF-8") == true)
        #expect(service.stop() == 0)
    }

    @Test func wrongFieldTypesGiveJSONPathIssues() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let json = #"{"client_id": 5, "user_id": "u", "sms": [{"sms_id": "1", "sms_body": true, "sms_inbox_date": "soon"}]}"#
        let parsed = try JSONParser.parseDocument(Array(json.utf8))
        let data = bson_get_data(parsed.document)!
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        let bson = Array(UnsafeBufferPointer(start: data, count: length))
        bson_destroy(parsed.document)

        let fromJSON = try client.request("POST", "/api/extract_sms", body: Array(json.utf8))
        let fromBSON = try client.request("POST", "/api/extract_sms", headers: Self.bsonHeaders, body: bson)
        #expect(fromJSON.status == 422)
        #expect(fromBSON.status == 422)
        #expect(fromBSON.text == fromJSON.text)
        let types = (try JSONParser.parse(fromBSON.body)["detail"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        #expect(types == ["string_type", "string_type", "datetime_parsing"])
        #expect(service.stop() == 0)
    }

    @Test func tooManySMSGives413() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment(["MAX_SMS_COUNT": "50"]))
        let response = try service.client().request(
            "POST", "/api/extract_sms", headers: Self.bsonHeaders, body: Self.bsonBody(sms: ServeSMSTestSupport.debitSMS(count: 51)))
        #expect(response.status == 413)
        #expect(response.json?["error"]?.stringValue?.hasPrefix("Too many SMS in one request: 51 sent, the limit is 50") == true)
        #expect(service.stop() == 0)
    }

    @Test func openAPIListsBSONRequestBody() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let openAPI = try JSONParser.parse(try service.client().request("GET", "/openapi.json").body)
        let content = openAPI["paths"]?["/api/extract_sms"]?["post"]?["requestBody"]?["content"]
        let schema = JSONValue.string("#/components/schemas/ExtractSMSRequest")
        #expect(content?["application/json"]?["schema"]?["$ref"] == schema)
        #expect(content?["application/bson"]?["schema"]?["$ref"] == schema)
        #expect(service.stop() == 0)
    }

    @Test func otherContentTypesStillReadAsJSON() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let body = ServeSMSTestSupport.body(sms: ServeSMSTestSupport.debitSMS(count: 2))
        for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/bson-seq"] {
            let response = try client.request("POST", "/api/extract_sms", headers: ["Content-Type": contentType], body: body)
            #expect(response.status == 200, "\(contentType)")
        }
        #expect(service.stop() == 0)
    }
}
