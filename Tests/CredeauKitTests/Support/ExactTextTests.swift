@testable import CredeauKit
import Testing

@Suite struct ExactTextTests {
    @Test func canonicallyEqualTextsDiffer() {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        #expect(composed == decomposed, "Swift strings compare by canonical equivalence")
        #expect(ExactText(composed) != ExactText(decomposed))
        #expect(Set([ExactText(composed), ExactText(decomposed)]).count == 2)
        #expect(ExactText("sms-1") == ExactText("sms-" + "1"))
        #expect(ExactText("") == ExactText(""))
        #expect(ExactText("a") != ExactText("a\u{0}"))
    }
}
