@testable import CredeauKit

/// Shared extractor and a short way to run it in tests.
enum ExtractionTestSupport {
    static let extractor = SMSExtractor()

    static func extract(_ body: String, sender: String? = "VM-HDFCBK-S") -> ExtractedSMS {
        extractor.extract(RawSMS(id: "test", sender: sender, body: body, inboxDateMillis: nil), createdAtMillis: 0)
    }
}
