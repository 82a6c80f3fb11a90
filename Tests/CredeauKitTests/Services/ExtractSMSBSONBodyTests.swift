import CBSON
import Testing
@testable import CredeauKit

/// The BSON request bodies serve-insights writes: the bytes libbson's append functions write for
/// the same members, and read back by serve-sms as the batch that was sent.
@Suite struct ExtractSMSBSONBodyTests {
    /// The same document built with libbson's append functions.
    private static func libbsonBody(_ batch: [RawSMS], clientID: String, userID: String, requestID: String) -> [UInt8] {
        let document = bson_new()!
        defer { bson_destroy(document) }
        appendText(clientID, key: "client_id", to: document)
        appendText(userID, key: "user_id", to: document)
        appendText(requestID, key: "request_id", to: document)
        let list = bson_new()!
        defer { bson_destroy(list) }
        for (index, sms) in batch.enumerated() {
            let item = bson_new()!
            appendText(sms.id, key: "sms_id", to: item)
            if let sender = sms.sender {
                appendText(sender, key: "sms_sender", to: item)
            } else {
                bson_append_null(item, "sms_sender", -1)
            }
            appendText(sms.body, key: "sms_body", to: item)
            bson_append_int64(item, "sms_inbox_date", -1, sms.inboxDateMillis ?? 0)
            bson_append_document(list, String(index), -1, item)
            bson_destroy(item)
        }
        bson_append_array(document, "sms", -1, list)
        let data = bson_get_data(document)!
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    /// Appends with an explicit length, so a NUL inside the text is kept.
    private static func appendText(_ text: String, key: String, to document: OpaquePointer) {
        // The added NUL gives an empty text an address too.
        let bytes = Array(text.utf8) + [0]
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = bson_append_utf8(document, key, -1, chars.baseAddress!, Int32(chars.count - 1))
            }
        }
    }

    /// Batches of 0, 1, 11 and 1,234 SMS (array keys of one to four digits) with missing senders
    /// and dates, empty and NUL-containing texts, and multi-byte characters.
    private static let batches: [[RawSMS]] = [0, 1, 11, 1234].map { count in
        (0..<count).map { index in
            let bodies = ["Rs \(index).50 debited from A/c XX1234", "", "nul\u{0}inside", "₹ 500 जमा 🏦 é"]
            return RawSMS(id: index % 9 == 3 ? "id-é-\(index)" : "\(index)",
                          sender: index % 4 == 1 ? nil : (index % 4 == 2 ? "" : "VM-HDFCBK-S"),
                          body: bodies[index % bodies.count],
                          inboxDateMillis: index % 6 == 5 ? nil : 1_772_541_341_000 + Int64(index) * 60_000)
        }
    }

    @Test func bytesEqualLibbsonAppends() {
        var body: [UInt8] = Array(repeating: 7, count: 50)
        for batch in Self.batches {
            let written = ExtractSMSBSONBody.write(batch, clientID: "acme", userID: "u-ब", requestID: "",
                                                   into: &body)
            #expect(written)
            #expect(body == Self.libbsonBody(batch, clientID: "acme", userID: "u-ब", requestID: ""),
                    "batch of \(batch.count)")
        }
    }

    @Test func serveSMSReadsBatchBack() throws {
        var body: [UInt8] = []
        for batch in Self.batches {
            #expect(ExtractSMSBSONBody.write(batch, clientID: "acme", userID: "u-1", requestID: "r-9", into: &body))
            let request = try SMSExtractionRequest.parse(bson: body, maxSMSCount: 2000)
            #expect(request.clientID == "acme")
            #expect(request.userID == "u-1")
            #expect(request.requestID == "r-9")
            #expect(request.sms.map(\.id) == batch.map(\.id))
            #expect(request.sms.map(\.sender) == batch.map(\.sender))
            #expect(request.sms.map(\.body) == batch.map(\.body))
            #expect(request.sms.map(\.inboxDateMillis) == batch.map { $0.inboxDateMillis ?? 0 })

            // The JSON body of the same batch reads the same.
            let json = ExtractSMSWire.requestBody(batch, clientID: "acme", userID: "u-1", requestID: "r-9")
            let fromJSON = try SMSExtractionRequest.parse(json, maxSMSCount: 2000)
            #expect(request.sms == fromJSON.sms)
        }
    }

    @Test func writerFallsBackToJSONOnlyWhenAsked() {
        var body: [UInt8] = []
        let batch = Self.batches[2]
        let bson = ExtractSMSWire.writeRequestBody(batch, clientID: "c", userID: "u", requestID: "r", format: .bson,
                                                   into: &body)
        #expect(bson == .bson)
        #expect(body == Self.libbsonBody(batch, clientID: "c", userID: "u", requestID: "r"))
        let json = ExtractSMSWire.writeRequestBody(batch, clientID: "c", userID: "u", requestID: "r", format: .json,
                                                   into: &body)
        #expect(json == .json)
        #expect(body == ExtractSMSWire.requestBody(batch, clientID: "c", userID: "u", requestID: "r"))
    }

    @Test(arguments: [
        (415, #"{"error": "Unsupported Media Type"}"#, true),
        (415, "", true),
        (422, #"{"detail": [{"type": "json_invalid", "loc": ["body", 0], "msg": "JSON decode error", "input": {}}]}"#, true),
        (422, #"{"detail": [{"type": "model_attributes_type", "loc": ["body"], "msg": "Input should be a valid dictionary or object to extract fields from", "input": "x"}]}"#, true),
        (422, #"{"detail": [{"type": "missing", "loc": ["body", "user_id"], "msg": "Field required", "input": {}}]}"#, false),
        (422, #"{"detail": [{"type": "bson_invalid", "loc": ["body", 0], "msg": "BSON decode error", "input": {}}]}"#, false),
        (422, "not json", false),
        (400, #"{"detail": [{"type": "json_invalid", "loc": ["body", 0]}]}"#, false),
        (500, "", false),
    ])
    func rejectionOfBSONRecognized(status: Int, body: String, rejects: Bool) {
        #expect(ExtractSMSWire.rejectsBSON(status: status, body: Array(body.utf8)) == rejects, "\(status) \(body)")
    }
}
