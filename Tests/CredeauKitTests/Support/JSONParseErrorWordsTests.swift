@testable import CredeauKit
import Testing

/// libbson's parser codes in messages become plain words, keeping the position and the code.
@Suite struct JSONParseErrorWordsTests {
    @Test(arguments: [
        (#"{"a": [1,]}"#, "a comma before a closing bracket"),
        (#"{"a": "\ud800x"}"#, "a \\u escape that is not a Unicode code point"),
        (#"{"a" 1}"#, "a value where a key or ':' should be"),
        (#"{"a" "b"}"#, "a missing ':' or ','"),
        (#"{"a": "x\q"}"#, "an unknown backslash escape"),
        (#"{"a": tru}"#, "an unfinished true, false, null or number"),
        (#"{"a": @}"#, "a value that is not a string, number, object, array, true, false or null"),
        (#"{"a": [1}"#, "a closing bracket that does not match the open one"),
    ])
    func codeBecomesWords(text: String, words: String) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.reason.hasPrefix(words) && error.reason.contains("position")
                && error.reason.hasSuffix(")") && error.reason.contains("(libbson: ")
        }
    }

    @Test func deepNestingNamesTheLimit() {
        let text = String(repeating: #"{"a":"#, count: 300) + "1" + String(repeating: "}", count: 300)
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            (error as? JSONParseError)?.reason.contains("nested deeper than the parser allows") == true
        }
    }

    @Test func otherMessagesStayAsTheyAre() {
        #expect(JSONParser.plainParseError("Got parse error at \"x\", position 3: \"SOMETHING_NEW\"") == nil)
        #expect(JSONParser.plainParseError("invalid input") == nil)
        #expect(JSONParser.plainParseError("Got parse error at \"x\", position 3: \"STRAY_TOKEN\"")
            == "an unexpected character at position 3 (libbson: STRAY_TOKEN)")
    }
}
