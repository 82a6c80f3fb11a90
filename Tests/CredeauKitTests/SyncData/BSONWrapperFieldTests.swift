import CBSON
import Testing
@testable import CredeauKit

/// BSON types without a JSON counterpart (decimal128 and the rest) are invalid field values in
/// every reader, never a missing field.
@Suite struct BSONWrapperFieldTests {
    private static func smsText(inboxDate: String) -> String {
        """
        {"client_id": "c1", "user_id": "u1", "created_at": {"$date": {"$numberLong": "1774000000000"}},
         "sms": [{"sms_id": "0", "sms_sender": "VM-HDFCBK", "sms_body": "Rs 1 debited", "sms_inbox_date": 1773000000000},
                 {"sms_id": "1", "sms_sender": "VM-HDFCBK", "sms_body": "Rs 2 debited", "sms_inbox_date": \(inboxDate)}]}
        """
    }

    private static let expectedError = SyncDataError.inSMS(index: 2, problem: .invalidValue(
        source: .sms, field: "sms_inbox_date", reason: "expected a date or epoch milliseconds, found decimal128"))

    @Test func decimalDateFromTextIsInvalid() {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let text = Self.smsText(inboxDate: "{\"$numberDecimal\": \"1773000008000\"}")
        #expect(throws: Self.expectedError) { try UserDataLoader.addSMS(text, to: &builder) }
    }

    @Test func decimalDateFromBSONIsInvalid() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let bytes = Array(Self.smsText(inboxDate: "{\"$numberDecimal\": \"1773000008000\"}").utf8)
        let parsed = try JSONParser.parseDocument(bytes)
        defer { bson_destroy(parsed.document) }
        #expect(throws: Self.expectedError) { try builder.add(smsBSON: parsed.document) }
    }

    @Test func decimalDateSkippedWhenLenient() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1", skipsInvalidData: true)
        try UserDataLoader.addSMS(Self.smsText(inboxDate: "{\"$numberDecimal\": \"1773000008000\"}"), to: &builder)
        #expect(builder.unreadableSMSCount == 1)
        #expect(builder.syncedSMS.map(\.raw.id) == ["0"])
    }

    @Test(arguments: [
        ("{\"$numberDecimal\": \"12.5\"}", "decimal128"),
        ("{\"$timestamp\": {\"t\": 1, \"i\": 1}}", "timestamp"),
        ("{\"$regularExpression\": {\"pattern\": \"a\", \"options\": \"\"}}", "regex"),
        ("{\"$binary\": {\"base64\": \"AA==\", \"subType\": \"00\"}}", "binary"),
        ("{\"$minKey\": 1}", "minKey"),
    ])
    func otherTypesKeepTheirName(json: String, name: String) throws {
        let value = try JSONParser.parse("{\"v\": \(json)}")["v"] ?? .null
        #expect(value.typeName == name)
    }

    @Test func decimalContactDateIsInvalid() throws {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        let document = try JSONParser.parse("""
        {"client_id": "c1", "user_id": "u1", "contacts": [{"name": "Mom", "updated_at": {"$numberDecimal": "1"}}]}
        """)
        #expect(throws: SyncDataError.self) { try builder.add(document: document, source: .contacts) }
    }
}
