import CBSON
import Foundation
import Testing
@testable import CredeauKit

/// `credeau serve-sms` run as a process: the BSON answer to `Accept: application/bson` and the
/// unchanged JSON answer without it.
@Suite struct ServeSMSBSONAnswerTests {
    private let url = "http://127.0.0.1/api/extract_sms"

    /// Relaxed Extended JSON of a BSON document, for comparing it with a JSON answer.
    private func relaxedJSON(ofBSON bytes: [UInt8]) throws -> String? {
        let document = try #require(bytes.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
        defer { bson_destroy(document) }
        return BSONInspection.relaxedJSON(document)
    }

    private func relaxedJSON(ofJSON bytes: [UInt8]) throws -> String? {
        let parsed = try JSONParser.parseDocument(bytes)
        defer { bson_destroy(parsed.document) }
        return BSONInspection.relaxedJSON(parsed.document)
    }

    /// `text` with the values of `created_at` and `created_date` blanked, because each call stamps
    /// its own time and two calls may fall in different seconds.
    private func withoutCreationTimes(_ text: String?) -> String? {
        text?.replacingOccurrences(of: #""created_(at|date)"( ?: ?)"[^"]*""#, with: #""created_$1"$2"""#,
                                   options: .regularExpression)
    }

    private func withoutCreationTimes(_ entries: [ExtractedSMS]) -> [ExtractedSMS] {
        entries.map { entry in
            var entry = entry
            entry.createdAtMillis = 0
            return entry
        }
    }

    /// Sends the same batch twice (the second time the entries are already stored, which does not
    /// change the answer) and returns the two responses.
    private func answers(accept: String?, extraHeaders: [String: String] = [:]) throws
        -> (json: RawHTTPClient.Response, other: RawHTTPClient.Response) {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let cases = try ServeSMSTestSupport.loadCases()
        let body = ServeSMSTestSupport.body(requestID: "bson-1", sms: ServeSMSTestSupport.rawSMS(cases))
        let client = try service.client()
        let json = try client.request("POST", "/api/extract_sms", headers: extraHeaders, body: body)
        var headers = extraHeaders
        if let accept { headers["Accept"] = accept }
        let other = try client.request("POST", "/api/extract_sms", headers: headers, body: body)
        #expect(service.stop() == 0)
        return (json, other)
    }

    @Test func bsonAnswerMirrorsJSONAnswer() throws {
        let (json, bson) = try answers(accept: "application/bson, application/json;q=0.5")
        #expect(json.status == 200)
        #expect(json.headers["content-type"] == "application/json")
        #expect(bson.status == 200)
        #expect(bson.headers["content-type"] == "application/bson")
        #expect(bson.headers["vary"] == "Accept")

        let jsonText = withoutCreationTimes(try relaxedJSON(ofJSON: json.body))
        #expect(jsonText?.contains(#""created_at" : """#) == true)
        #expect(withoutCreationTimes(try relaxedJSON(ofBSON: bson.body)) == jsonText)
        let fromJSON = try ExtractSMSAnswerDecoder.entries(from: json.body, url: url)
        let fromBSON = try ExtractSMSAnswerDecoder.entries(fromBSON: bson.body, url: url)
        #expect(withoutCreationTimes(fromBSON) == withoutCreationTimes(fromJSON))
        #expect(fromBSON.count >= 120)
    }

    @Test func bodylessAnswerOnRequest() throws {
        let (json, bson) = try answers(accept: "application/bson; omit=sms_body, application/json;q=0.5")
        #expect(bson.status == 200)
        #expect(bson.headers["content-type"] == "application/bson; omit=sms_body")
        #expect(bson.headers["vary"] == "Accept")

        let document = try #require(bson.body.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
        defer { bson_destroy(document) }
        let paths = BSONInspection.members(of: document).map(\.path)
        #expect(!paths.contains { $0.hasSuffix(".sms_body") })
        #expect(paths.filter { $0.hasSuffix(".sms_id") }.count >= 120)
        let fromJSON = try ExtractSMSAnswerDecoder.entries(from: json.body, url: url)
        let fromBSON = try ExtractSMSAnswerDecoder.entries(fromBSON: bson.body, url: url)
        #expect(withoutCreationTimes(fromBSON) == withoutCreationTimes(fromJSON))
    }

    /// serve-insights' Accept header omits every column it takes from its own batch.
    @Test func echoedColumnsLeftOutOnInsightsRequest() throws {
        let accept = String(ExtractSMSWire.acceptHeader.dropFirst("Accept: ".count))
        let (json, bson) = try answers(accept: accept)
        #expect(bson.status == 200)
        let inColumnOrder = ExtractedSMSColumns.names.filter(ExtractSMSWire.echoedColumns.contains)
        #expect(inColumnOrder.count == ExtractSMSWire.echoedColumns.count)
        #expect(bson.headers["content-type"]
            == "application/bson; omit=\"\(inColumnOrder.joined(separator: ","))\"; nulls=absent")

        let document = try #require(bson.body.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count) })
        defer { bson_destroy(document) }
        let paths = BSONInspection.members(of: document).map(\.path)
        for column in ExtractSMSWire.echoedColumns {
            #expect(!paths.contains { $0.hasSuffix(".\(column)") }, "\(column)")
        }
        #expect(!BSONInspection.members(of: document).contains { $0.kind == "null" })
        #expect(paths.filter { $0.hasSuffix(".sms_id") }.count >= 120)
        #expect(paths.filter { $0.hasSuffix(".template_hash") }.count >= 120)
        let fromJSON = try ExtractSMSAnswerDecoder.entries(from: json.body, url: url).map { entry in
            var entry = entry
            entry.userID = nil
            entry.clientID = nil
            entry.requestID = nil
            return entry
        }
        let fromBSON = try ExtractSMSAnswerDecoder.entries(fromBSON: bson.body, url: url)
        #expect(fromBSON == withoutCreationTimes(fromJSON))
    }

    @Test func jsonAnswerIsUnchangedWithoutBSONAccept() throws {
        for accept in [nil, "application/json", "*/*", "application/bson;q=0", "application/bson;q=0.2, application/json",
                       "application/bson;omit=sms_body;q=0.2, application/json;omit=sms_body"] {
            let (first, second) = try answers(accept: accept)
            #expect(second.status == 200, "\(accept ?? "no Accept")")
            #expect(second.headers["content-type"] == "application/json", "\(accept ?? "no Accept")")
            #expect(second.headers["vary"] == nil, "\(accept ?? "no Accept")")
            // The request ids of both calls are the body's, so the answers match byte for byte
            // but for the creation times.
            let firstText = String(decoding: first.body, as: UTF8.self)
            #expect(firstText.hasPrefix(#"{"request_id":"bson-1","extracted_sms_data":[{"sms_id":"#))
            #expect(withoutCreationTimes(String(decoding: second.body, as: UTF8.self)) == withoutCreationTimes(firstText),
                    "\(accept ?? "no Accept")")
        }
    }

    @Test func bsonAnswerIsGzippedOnRequest() throws {
        let (gzippedJSON, gzippedBSON) = try answers(accept: "application/bson", extraHeaders: ["Accept-Encoding": "gzip"])
        #expect(gzippedBSON.headers["content-type"] == "application/bson")
        #expect(gzippedBSON.headers["content-encoding"] == "gzip")
        #expect(gzippedJSON.headers["content-encoding"] == "gzip")
        let bson = try Gzip.decompress(gzippedBSON.body, maxBytes: 16 * 1024 * 1024)
        let json = try Gzip.decompress(gzippedJSON.body, maxBytes: 16 * 1024 * 1024)
        #expect(withoutCreationTimes(try ExtractSMSAnswerDecoder.entries(fromBSON: bson, url: url))
            == withoutCreationTimes(try ExtractSMSAnswerDecoder.entries(from: json, url: url)))
    }

    @Test func errorsStayJSON() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let client = try service.client()
        let headers = ["Accept": "application/bson"]

        let invalid = try client.request("POST", "/api/extract_sms", headers: headers, body: Array(#"{"sms": 5}"#.utf8))
        #expect(invalid.status == 422)
        #expect(invalid.headers["content-type"] == "application/json")
        #expect((try? JSONParser.parse(invalid.body))?["detail"] != nil)

        let tooMany = ServeSMSTestSupport.body(sms: ServeSMSTestSupport.debitSMS(count: 1001))
        let rejected = try client.request("POST", "/api/extract_sms", headers: headers, body: tooMany)
        #expect(rejected.status == 413)
        #expect(rejected.headers["content-type"] == "application/json")

        let missing = try client.request("GET", "/api/nothing", headers: headers)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "application/json")
        #expect(service.stop() == 0)
    }

    @Test func openAPIListsBSONAnswer() throws {
        let workspace = try ServeSMSTests.Workspace()
        let service = try ServeSMSProcess(environment: workspace.environment())
        let openAPI = try JSONParser.parse(try service.client().request("GET", "/openapi.json").body)
        let content = openAPI["paths"]?["/api/extract_sms"]?["post"]?["responses"]?["200"]?["content"]
        #expect(content?["application/json"] != nil)
        #expect(content?["application/bson"]?["schema"]?["$ref"] == .string("#/components/schemas/ExtractSMSResponse"))
        #expect(service.stop() == 0)
    }
}
