@testable import CredeauKit
import Testing

/// Malformed BSON answers give `SMSExtractionServiceError.invalidAnswer`, never a crash.
@Suite struct ExtractSMSBSONAnswerErrorTests {
    private let url = "http://127.0.0.1:1/api/extract_sms"

    private func validAnswer(count: Int = 3) -> (body: [UInt8], sent: [RawSMS]) {
        var samples = ExtractSMSAnswerSamples(seed: 77)
        let entries = (0..<count).map { samples.entry(id: "e\($0)", setsAll: true) }
        let rows = ExtractedSMSRows(entries)
        let sent = entries.map { RawSMS(id: $0.smsID, sender: nil, body: $0.smsBody, inboxDateMillis: 1) }
        return (ExtractedSMSBSONWriter.encode(rows, requestID: "r")!, sent)
    }

    /// The reason of the invalidAnswer error, or a description of what happened instead.
    private func failureReason(_ body: [UInt8], sent: [RawSMS]) -> String {
        do {
            let entries = try ExtractSMSWire.entries(from: body, format: .bson, for: sent, url: url)
            return "accepted \(entries.count) entries"
        } catch let SMSExtractionServiceError.invalidAnswer(errorURL, reason) {
            return errorURL == url ? reason : "wrong url \(errorURL)"
        } catch {
            return "other error \(error)"
        }
    }

    /// A little-endian int32 length prefix followed by `content` and the closing NUL.
    private func document(_ content: [UInt8]) -> [UInt8] {
        let length = UInt32(content.count + 5)
        return withUnsafeBytes(of: length.littleEndian, Array.init) + content + [0]
    }

    @Test func truncatedAnswersAreRejected() {
        let (body, sent) = validAnswer()
        for length in [0, 1, 4, 5, body.count / 2, body.count - 1] {
            let reason = failureReason(Array(body.prefix(length)), sent: sent)
            #expect(reason.hasPrefix("not BSON (the \(length) bytes are not one whole document)"), "\(length): \(reason)")
        }
        #expect(failureReason(body + [0], sent: sent).hasPrefix("not BSON ("))
    }

    @Test func corruptStructureIsRejected() {
        let (body, sent) = validAnswer()
        // The first member's type byte is at offset 4; 0x7E is no BSON type.
        var badType = body
        badType[4] = 0x7E
        // libbson 1.23 reports an unknown type at the byte after the key (4 + 1 + 11).
        #expect(failureReason(badType, sent: sent) == "not BSON (invalid element at byte 16)")

        // A corrupt element inside an entry is reported at its offset in the whole document. The
        // first entry's first type byte follows the length (4), request_id (1 + 11 + 4 + 2), the
        // list's type, key and length (1 + 19 + 4), and the item's type, key and length (1 + 2 + 4).
        // Its key `sms_id` takes 7 bytes more.
        var badEntry = body
        badEntry[53] = 0x7E
        #expect(failureReason(badEntry, sent: sent) == "not BSON (invalid element at byte 61)")

        // `request_id` is a string whose own length runs past the document.
        let key = Array("request_id".utf8) + [0]
        let overlong = document([0x02] + key + [0xFF, 0xFF, 0x00, 0x00] + Array("r".utf8) + [0])
        #expect(failureReason(overlong, sent: sent).hasPrefix("not BSON ("))

        // Invalid UTF-8 in a string value.
        let invalidText = document([0x02] + key + [3, 0, 0, 0, 0xC3, 0x28, 0])
        #expect(failureReason(invalidText, sent: sent) == "not BSON (invalid element at byte 4)")
    }

    @Test func invalidKeysAndDeepNestingAreRejected() {
        let (_, sent) = validAnswer()
        let badKey = document([0x0A, 0xFF, 0xFE, 0])
        #expect(failureReason(badKey, sent: sent) == "not BSON (invalid element at byte 4)")

        // 100,000 documents nested under key "a", far past the depth limit: each level is its
        // length, the type and key, the inner level and a closing NUL.
        let depth = 100_000
        var nested: [UInt8] = []
        for level in stride(from: depth, to: 0, by: -1) {
            nested += withUnsafeBytes(of: UInt32(5 + 8 * level).littleEndian, Array.init) + [0x03, UInt8(ascii: "a"), 0]
        }
        nested += [5, 0, 0, 0, 0] + [UInt8](repeating: 0, count: depth)
        #expect(failureReason(nested, sent: sent).hasPrefix("not BSON (invalid element at byte"))
    }

    @Test func nulInsideTextIsAccepted() throws {
        var samples = ExtractSMSAnswerSamples(seed: 78)
        let entry = samples.entry(id: "e\u{0}0", setsAll: false)
        let body = try #require(ExtractedSMSBSONWriter.encode(ExtractedSMSRows([entry]), requestID: "r"))
        let sent = [RawSMS(id: entry.smsID, sender: nil, body: "b", inboxDateMillis: nil)]
        #expect(failureReason(body, sent: sent) == "accepted 1 entries")
    }

    @Test func documentWithoutListIsRejected() {
        let (_, sent) = validAnswer()
        let empty = document([])
        #expect(failureReason(empty, sent: sent) == "no 'extracted_sms_data' list")
        // `extracted_sms_data` as an embedded document rather than an array.
        let key = Array("extracted_sms_data".utf8) + [0]
        let notArray = document([0x03] + key + [5, 0, 0, 0, 0])
        #expect(failureReason(notArray, sent: sent) == "no 'extracted_sms_data' list")
    }

    @Test func flippedBytesNeverCrash() {
        let (body, sent) = validAnswer(count: 2)
        var random = SplitMix64(seed: 4242)
        var rejected = 0
        for _ in 0..<400 {
            var corrupt = body
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let position = Int(random.next() % UInt64(corrupt.count))
                corrupt[position] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
            }
            let reason = failureReason(corrupt, sent: sent)
            #expect(!reason.hasPrefix("other error"), "\(reason)")
            if !reason.hasPrefix("accepted") { rejected += 1 }
        }
        // Most flips land in texts, where a changed letter is still a valid answer.
        #expect(rejected > 20)
    }
}
