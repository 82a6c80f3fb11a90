import Testing
@testable import CredeauKit

@Suite struct RequestSchemaTests {
    static let schema = RequestSchema([
        .required("user_id", .string(minLength: 1, maxLength: 64)),
        .required("client_id", .string()),
        .optional("cnt_sms_threshold", .integer),
        .required("sms", .list(of: .object(RequestSchema([
            .required("sms_id", .identifier), .required("sms_body", .string()), .optional("sms_inbox_date", .timestamp),
        ])), maxItems: 3)),
    ])

    static func issues(_ body: String) -> [ValidationIssue] {
        do {
            _ = try schema.validate(body: Array(body.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    @Test func validBodyPasses() {
        #expect(Self.issues(#"{"user_id":"u1","client_id":"c","sms":[{"sms_id":7,"sms_body":"hi","sms_inbox_date":1700000000000}]}"#).isEmpty)
    }

    @Test func missingFieldsAreAllListed() {
        let issues = Self.issues(#"{"sms":[]}"#)
        #expect(issues.map(\.type) == ["missing", "missing"])
        #expect(issues.map(\.location) == [[.string("body"), .string("user_id")], [.string("body"), .string("client_id")]])
        #expect(issues.first?.message == "Field required")
    }

    @Test func wrongTypesUsePydanticNames() {
        let issues = Self.issues(#"{"user_id":5,"client_id":"c","cnt_sms_threshold":"x","sms":{}}"#)
        #expect(issues.map(\.type) == ["string_type", "int_type", "list_type"])
    }

    @Test func userIDLengthIsBounded() {
        #expect(Self.issues(#"{"user_id":"","client_id":"c","sms":[]}"#).map(\.type) == ["string_too_short"])
        let long = String(repeating: "u", count: 65)
        let issues = Self.issues(#"{"user_id":"\#(long)","client_id":"c","sms":[]}"#)
        #expect(issues.map(\.type) == ["string_too_long"])
        #expect(issues.first?.context == .object([("max_length", .integer(64))]))
    }

    @Test func nestedItemsReportIndex() {
        let issues = Self.issues(#"{"user_id":"u","client_id":"c","sms":[{"sms_id":"1","sms_body":"a"},{"sms_id":"2"}]}"#)
        #expect(issues.count == 1)
        #expect(issues.first?.location == [.string("body"), .string("sms"), .integer(1), .string("sms_body")])
    }

    @Test func invalidJSONIsJSONInvalid() {
        #expect(Self.issues(#"{"user_id": "#).map(\.type) == ["json_invalid"])
        #expect(Self.issues("[1,2]").map(\.type) == ["model_attributes_type"])
        #expect(Self.issues(#""x" 5"#).map(\.type) == ["json_invalid"])
        #expect(Self.issues("nul").map(\.type) == ["json_invalid"])
    }

    /// A body that is one JSON value but no object gets FastAPI's 422, not json_invalid.
    @Test(arguments: [("null", "missing", JSONValue.null), (#" "x" "#, "model_attributes_type", .string("x")),
                      ("5", "model_attributes_type", .integer(5)), ("true", "model_attributes_type", .bool(true)),
                      ("\u{FEFF}null", "missing", .null), ("\u{FEFF} 5", "model_attributes_type", .integer(5))])
    func scalarBodyIsNoObject(body: String, type: String, input: JSONValue) {
        let found = Self.issues(body)

        #expect(found.map(\.type) == [type])
        #expect(found.first?.location == [.string("body")])
        #expect(found.first?.input == input)
    }

    @Test func listOverLimitIsTooLong() {
        let item = #"{"sms_id":"1","sms_body":"a"}"#
        let issues = Self.issues(#"{"user_id":"u","client_id":"c","sms":[\#(item),\#(item),\#(item),\#(item)]}"#)
        #expect(issues.map(\.type) == ["too_long"])
    }

    @Test func responseBodyHasDetailShape() throws {
        let response = ValidationError(Self.issues(#"{}"#)).response(requestID: "r1")
        #expect(response.status == 422)
        let body = try JSONParser.parse(response.body)
        let first = try #require(body["detail"]?.arrayValue?.first)
        #expect(first["type"] == .string("missing"))
        #expect(first["loc"] == .array([.string("body"), .string("user_id")]))
        #expect(first["msg"] == .string("Field required"))
        #expect(first["input"] == .object([]))
    }

    @Test func infiniteInputShownAsWrapper() {
        let issue = ValidationIssue(type: "finite_number", location: [.string("body")], message: "m",
                                    input: .array([.number(-.infinity), .number(.nan), .number(2.5)]))
        let body = String(decoding: ValidationError([issue]).response(requestID: "r1").body, as: UTF8.self)
        #expect(body.contains(#""input":[{"$numberDouble":"-Infinity"},{"$numberDouble":"NaN"},2.5]"#), "\(body)")
    }

    @Test(arguments: [
        (#""5""#, 5), (#"" 7 ""#, 7), (#""+3""#, 3), (#""-2""#, -2), ("true", 1), ("false", 0), ("4", 4), ("5.0", 5),
        (#""5.00""#, 5), (#""99999999999999999999""#, Int64.max),
    ] as [(String, Int64)])
    func laxIntegerReadsAsPydanticDoes(json: String, expected: Int64) throws {
        let value = try JSONParser.parse(Array(#"{"n": \#(json)}"#.utf8))
        #expect(FieldKind.laxInteger(try #require(value["n"])) == expected)
    }

    @Test(arguments: [
        ("[5]", "int_type"), (#"{"a": 1}"#, "int_type"), ("5.5", "int_from_float"), ("1e300", "int_parsing_size"),
        (#""5 6""#, "int_parsing"), (#"{"$numberDouble": "NaN"}"#, "finite_number"),
        (#"{"$numberDouble": "-Infinity"}"#, "finite_number"),
    ])
    func laxIntegerErrorTypesMatchPydantic(json: String, type: String) throws {
        let value = try JSONParser.parse(Array(#"{"n": \#(json)}"#.utf8))
        guard case let .invalid(found, _) = FieldKind.readLaxInteger(try #require(value["n"])) else {
            Issue.record("\(json) was read as a number")
            return
        }
        #expect(found == type)
    }

    @Test(arguments: [#""x""#, #""""#, #""5.5""#, #""1_000""#, "5.5", "[1]", #""5.""#, #"".0""#, "1e300"])
    func laxIntegerRejects(json: String) throws {
        let value = try JSONParser.parse(Array(#"{"n": \#(json)}"#.utf8))
        #expect(FieldKind.laxInteger(try #require(value["n"])) == nil)
        let schema = RequestSchema([.optional("n", .laxInteger)])
        #expect(throws: ValidationError.self) {
            try schema.validate(body: Array(#"{"n": \#(json)}"#.utf8))
        }
    }
}
