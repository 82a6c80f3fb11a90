@testable import CredeauKit
import Testing

/// `AcceptHeader` and the rule serve-sms uses to choose a BSON answer.
@Suite struct AcceptHeaderTests {
    @Test func rangesKeepTypeSubtypeAndWeight() {
        let header = AcceptHeader(#" Application/BSON ; charset="a,b" ; q=0.8 ; ext=1 , text/*;Q=0.25,*/*;q=0"#)
        #expect(header.ranges == [
            .init(type: "application", subtype: "bson", quality: 0.8, parameters: ["charset": "a,b"]),
            .init(type: "text", subtype: "*", quality: 0.25),
            .init(type: "*", subtype: "*", quality: 0),
        ])
    }

    @Test func invalidRangesAreIgnored() {
        let header = AcceptHeader("application/bson;q=2, application/bson;q=abc, bson, */json, application/bson;q=0.1234, ,")
        #expect(header.ranges.isEmpty)
        #expect(AcceptHeader(nil).ranges.isEmpty)
        #expect(AcceptHeader("").ranges.isEmpty)
    }

    @Test func qualityPrefersMostSpecificRange() {
        let header = AcceptHeader("*/*;q=0.1, application/*;q=0.4, application/json;q=0.7")
        #expect(header.quality(of: "application/json") == 0.7)
        #expect(header.quality(of: "application/bson") == 0.4)
        #expect(header.quality(of: "text/plain") == 0.1)
        #expect(header.explicitQuality(of: "application/bson") == nil)
        #expect(AcceptHeader("text/html").quality(of: "application/json") == nil)
    }

    @Test(arguments: [
        ("application/bson", true),
        ("application/bson, application/json;q=0.5", true),
        ("APPLICATION/BSON", true),
        ("  application/bson  ;  q=1.0 ", true),
        ("application/json,application/bson", true),
        ("application/bson; q=0.5, */*; q=0.1", true),
        ("application/bson;q=0.001", true),
        ("text/html, application/bson;version=1", true),
        ("application/json", false),
        ("*/*", false),
        ("application/*", false),
        ("application/bson;q=0", false),
        ("application/bson;Q=0.000", false),
        ("application/bson;q=0, application/json", false),
        ("application/bson;q=0.5, application/json", false),
        ("application/bson;q=0.5, application/*", false),
        ("application/bson;q=x", false),
        ("application/bsonx, application/x-bson", false),
        ("", false),
    ])
    func bsonAnswerChoice(header: String, choosesBSON: Bool) {
        #expect(ExtractedSMSBSONWriter.isPreferred(by: header) == choosesBSON)
    }

    @Test func missingHeaderKeepsJSON() {
        #expect(!ExtractedSMSBSONWriter.isPreferred(by: nil))
    }

    @Test func parametersBeforeWeightAreKept() {
        let header = AcceptHeader(#"application/bson; OMIT="sms_\body" ; Version=2;q=0.5;omit=other, text/plain;a=1;a=2"#)
        #expect(header.ranges.map(\.parameters) == [["omit": "sms_body", "version": "2"], ["a": "2"]])
        #expect(AcceptHeader("application/bson;omit").ranges.map(\.parameters) == [[:]])
        #expect(AcceptHeader(#"application/bson;omit="""#).ranges.map(\.parameters) == [["omit": ""]])
    }

    @Test(arguments: [
        ("application/bson; omit=sms_body, application/json;q=0.5", true),
        (#"application/bson;OMIT="sms_body""#, true),
        ("application/json, application/bson;omit=sms_body;q=0.9", true),
        ("application/bson", false),
        ("application/bson;omit=sms_id", false),
        ("application/bson;omit=SMS_BODY", false),
        ("application/bson;q=0.5;omit=sms_body", false),
        ("application/bson;omit=sms_body;q=0", false),
        ("application/json;omit=sms_body", false),
        ("application/*;omit=sms_body", false),
    ])
    func bodyOmission(header: String, omitsBody: Bool) {
        #expect(ExtractedSMSBSONWriter.omitsBody(accept: header) == omitsBody)
    }

    @Test(arguments: [
        (#"application/bson; omit="sms_body,user_id", application/json;q=0.5"#, ["user_id", "sms_body"]),
        (#"application/bson; omit="created_date request_id  sms_body""#, ["request_id", "created_date", "sms_body"]),
        (#"application/bson; omit="sms_id,,nope,SMS_TYPE""#, ["sms_id"]),
        ("application/bson; omit=nope", []),
        (#"application/bson;omit="user_id";q=0, application/bson;omit=client_id"#, ["client_id"]),
        (#"application/json;omit="user_id""#, []),
        // Every range of the highest weight counts, and a range of lower weight does not.
        ("application/bson;omit=foo, application/bson;omit=sms_body", ["sms_body"]),
        ("application/bson;omit=user_id, application/bson;omit=sms_body", ["user_id", "sms_body"]),
        ("application/bson, application/bson;omit=sms_body;q=0.1", []),
        ("application/bson;omit=sms_body;q=0.1, application/bson;q=0.9, application/json;q=0.5", []),
    ])
    func omittedColumnList(header: String, names: [String]) {
        let expected = ExtractedSMSColumns.names.indices.filter { names.contains(ExtractedSMSColumns.names[$0]) }
        #expect(ExtractedSMSBSONWriter.omittedColumns(accept: header) == expected)
    }

    /// A quote that never closes must not swallow the ranges after it.
    @Test(arguments: [
        (#"application/bson;q=0.1;ext=a"b, application/json"#, false),
        (#"application/bson;omit="sms_body\";q=0.1, application/json"#, false),
        (#"application/bson;omit=sms"_body;q=0.1, application/json"#, false),
        (#"application/bson;omit="sms_body,user_id", application/json;q=0.5"#, true),
    ])
    func unclosedQuoteKeepsLaterRanges(header: String, prefersBSON: Bool) {
        #expect(ExtractedSMSBSONWriter.isPreferred(by: header) == prefersBSON)
        #expect(AcceptHeader(header).quality(of: "application/json") == (prefersBSON ? 0.5 : 1))
    }

    @Test func unclosedQuoteSplitsTheRestPlainly() {
        let parts = AcceptHeader.splitOutsideQuotes(#"a;x="1,2";y="3,b;z=4"#, at: ",").map(String.init)
        #expect(parts == [#"a;x="1,2";y="3"#, "b;z=4"])
        #expect(AcceptHeader.splitOutsideQuotes(#"""#, at: ",").map(String.init) == [#"""#])
        #expect(AcceptHeader.splitOutsideQuotes(#"a,"b\",c"#, at: ",").map(String.init) == ["a", #""b\""#, "c"])
    }

    @Test(arguments: [
        ("application/bson; nulls=absent", true),
        (#"application/bson; omit="sms_body"; NULLS="absent", application/json;q=0.5"#, true),
        ("application/bson; nulls=ABSENT", false),
        ("application/bson; nulls=absent; q=0", false),
        ("application/bson, application/bson; nulls=absent; q=0.1", false),
        ("application/bson; q=0.5; nulls=absent", false),
        ("application/json; nulls=absent", false),
    ])
    func nullOmission(header: String, omitsNulls: Bool) {
        #expect(ExtractedSMSBSONWriter.omitsNulls(accept: header) == omitsNulls)
    }

    @Test func mediaTypeNamesTheOmittedColumns() {
        let body = ExtractedSMSRowCodec.Column.smsBody
        let userID = ExtractedSMSRowCodec.Column.userID
        #expect(ExtractedSMSBSONWriter.mediaType(omitting: []) == "application/bson")
        #expect(ExtractedSMSBSONWriter.mediaType(omitting: [body]) == "application/bson; omit=sms_body")
        #expect(ExtractedSMSBSONWriter.mediaType(omitting: [userID, body]) == #"application/bson; omit="user_id,sms_body""#)
        #expect(ExtractedSMSBSONWriter.mediaType(omitting: [body], omittingNulls: true)
            == "application/bson; omit=sms_body; nulls=absent")
        #expect(ExtractedSMSBSONWriter.mediaType(omitting: [], omittingNulls: true) == "application/bson; nulls=absent")
        // The media type it names reads back as the same columns.
        let named = ExtractedSMSBSONWriter.mediaType(omitting: [userID, body])
        #expect(ExtractedSMSBSONWriter.omittedColumns(accept: named) == [userID, body])
    }
}
