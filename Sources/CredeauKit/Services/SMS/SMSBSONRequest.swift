import CBSON

/// `POST /api/extract_sms` bodies sent as BSON (`Content-Type: application/bson`), a credeau
/// extension that spares both services the JSON text. JSON stays the contract and the default.
///
/// The BSON document has the fields of the JSON body. Before it is read, its length prefix must
/// equal the body's length and every element must be well formed. Keys and string values must be
/// valid UTF-8, with NUL allowed inside string values as `\u0000` is in JSON, and documents nest
/// at most `CREDEAU_BSON_MAX_DEPTH` (32) deep. A body that fails gives 422 `bson_invalid`.
/// A valid document then goes through the same decoder and schema as a JSON body, so its field
/// errors and the 413 for too many SMS are those of the JSON path.
extension SMSExtractionRequest {
    static let bsonMediaType = "application/bson"

    /// True when the media type of `contentType` (without parameters, spaces and case) is `application/bson`.
    static func isBSON(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return mediaType.filter { $0 != " " && $0 != "\t" }.lowercased() == bsonMediaType
    }

    /// Checks a BSON body and reads it as `parse(_:maxSMSCount:)` reads a JSON one.
    ///
    /// - Throws: `ValidationError` 422 `bson_invalid` for a body that is not one valid BSON
    ///   document, the JSON path's 422 issues for invalid fields, and `HTTPError` 413 when `sms`
    ///   has more than `maxSMSCount` items.
    public static func parse(bson body: [UInt8], maxSMSCount: Int) throws -> SMSExtractionRequest {
        if let problem = framingProblem(body) { throw invalidBSON(problem) }
        return try body.withUnsafeBufferPointer { bytes in
            try withUnsafeTemporaryAllocation(byteCount: documentSize, alignment: documentSize) { storage in
                let document = OpaquePointer(storage.baseAddress!)
                guard let base = bytes.baseAddress, bson_init_static(document, base, bytes.count) else {
                    throw invalidBSON("the body is not one whole BSON document")
                }
                var offset = 0
                guard credeau_bson_check_document(document, &offset) else {
                    throw invalidBSON("invalid element, invalid UTF-8 or nesting deeper than "
                        + "\(CREDEAU_BSON_MAX_DEPTH) at byte \(offset)")
                }
                return try decode(document, isArray: false, maxSMSCount: maxSMSCount)
            }
        }
    }

    /// `sizeof(bson_t)` in libbson 1.23: a 128-byte aligned struct of 128 bytes.
    private static let documentSize = 128

    /// Describes what is wrong with the document's frame (the int32 length prefix and the final 0
    /// byte), which `bson_init_static` only reports as a failure.
    private static func framingProblem(_ body: [UInt8]) -> String? {
        guard body.count >= 5 else {
            return "the body has \(body.count) bytes, fewer than the 5 of an empty BSON document"
        }
        let prefix = Int(Int32(littleEndian: body.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }))
        guard prefix == body.count else {
            return "the length prefix is \(prefix) bytes but the body has \(body.count)"
        }
        guard body[body.count - 1] == 0 else { return "the document does not end with a 0 byte" }
        return nil
    }

    private static func invalidBSON(_ reason: String) -> ValidationError {
        ValidationError([ValidationIssue(
            type: "bson_invalid", location: [.string("body"), .integer(0)], message: "BSON decode error",
            input: .object([]), context: .object([("error", .string(reason))]))])
    }
}
