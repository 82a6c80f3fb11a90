import Testing
@testable import CredeauKit

@Suite struct SenderNormaliserTests {
    @Test(arguments: [
        ("VM-HDFCBK", "HDFCBK"), ("AD-SBIUPI-S", "SBIUPI"), ("JD-ICICIT-T", "ICICIT"), ("BZ-DOPBNK-G", "DOPBNK"),
        ("hdfcbk", "HDFCBK"), ("JX-CSHfre-S", "CSHFRE"), ("  VK-CANBNK  ", "CANBNK"),
    ])
    func stripsPrefixAndSuffix(raw: String, header: String) {
        let result = SenderNormaliser.normalise(raw)
        #expect(result.key == header)
        #expect(result.kind == .header)
    }

    @Test(arguments: ["+919876543210", "9876543210", "09876543210", "+91 98765 43210"])
    func recognisesPhoneNumbers(raw: String) {
        let result = SenderNormaliser.normalise(raw)
        #expect(result.kind == .phoneNumber)
        #expect(result.key == "9876543210")
    }

    @Test func numericHeaderIsPromotional() {
        #expect(SenderNormaliser.normalise("AX-650018").kind == .numericHeader)
    }

    @Test func missingSenderIsUnknown() {
        #expect(SenderNormaliser.normalise(nil).kind == .unknown)
        #expect(SenderNormaliser.normalise("   ").kind == .unknown)
    }
}
