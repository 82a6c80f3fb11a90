@testable import CredeauKit
import Testing

/// An amount in a serve-sms response must be a finite number (or null): text that reads as no
/// number would have counted as a missing amount, and the amount features as 0.
@Suite struct ExtractSMSAnswerAmountTests {
    private let url = "http://127.0.0.1:1/api/extract_sms"

    private func answer(transaction: String) -> [UInt8] {
        Array(#"{"request_id": "r", "extracted_sms_data": [{"sms_id": "1", "sms_type": "account_debit_executed", "#
            .utf8) + Array(#""is_transactional": true, "transaction": \#(transaction)}]}"#.utf8)
    }

    @Test(arguments: ["12.5", "\"12.5\"", "null", "7", "-5", "\"1e3\""])
    func numbersAndNullAreRead(transaction: String) throws {
        let entries = try ExtractSMSAnswerDecoder.entries(from: answer(transaction: transaction), url: url)
        #expect(entries.count == 1)
    }

    @Test(arguments: ["\"lots\"", "\"\"", "true", "\"inf\"", "\"nan\"", "[]", "{}", "[5]", "\"0x10\"", "\"0x1p4\""])
    func otherAmountsAreRejected(transaction: String) {
        #expect {
            try ExtractSMSAnswerDecoder.entries(from: answer(transaction: transaction), url: url)
        } throws: { error in
            guard case let SMSExtractionServiceError.invalidAnswer(_, reason) = error else { return false }
            return reason.contains("transaction") && reason.contains("not a finite number")
        }
    }
}
