import CBSON

/// One BSON document that this process owns, parsed from Extended JSON or copied from a BSON file.
///
/// The handle is freed with `bson_destroy` when the object goes away. Fields read from it
/// (`BSONField`) keep it alive.
final class BSONDocument {
    /// A `bson_t *`, which Swift imports as opaque because libbson aligns it to 128 bytes.
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        bson_destroy(handle)
    }

    /// Parses one JSON text (canonical or relaxed Extended JSON) with libbson.
    ///
    /// libbson turns `$date` into a BSON date, `$numberLong` into int64 and `$oid` into an ObjectId,
    /// and rejects strings that are not valid UTF-8. Integers outside the Int64 range and `$date`
    /// values that are not dates are rejected here first, naming the field.
    static func parseJSON(_ bytes: UnsafeRawBufferPointer) -> Result<BSONDocument, BSONParseFailure> {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .failure(BSONParseFailure("empty input")) }
        // libbson reads a top-level array as a document keyed "0", "1" …, which would then be
        // reported as missing fields.
        if let first = bytes.first(where: { !DocumentScanner.isJSONSpace($0) }), first != UInt8(ascii: "{") {
            let found = first == UInt8(ascii: "[") ? "an array" : "'\(String(decoding: [first], as: UTF8.self))'"
            return .failure(BSONParseFailure("expected a JSON object, found \(found)", isSyntaxError: false))
        }
        if let oversized = JSONIntegerRange.firstOversized(in: bytes) {
            var failure = BSONParseFailure(oversized.reason, field: oversized.key)
            failure.smsIndex = oversized.smsIndex
            return .failure(failure)
        }
        if let date = ExtendedJSONDateCheck.firstInvalid(in: bytes) {
            return .failure(BSONParseFailure(date.reason, field: date.key ?? "$date"))
        }
        var error = bson_error_t()
        if let handle = bson_new_from_json(base.assumingMemoryBound(to: UInt8.self), bytes.count, &error) {
            return .success(BSONDocument(handle: handle))
        }
        // The copy is made only for a text libbson rejected.
        guard let (handle, _) = JSONParser.newDocumentReadingDateTexts(Array(bytes), &error) else {
            return .failure(BSONParseFailure(Self.message(of: &error)))
        }
        return .success(BSONDocument(handle: handle))
    }

    /// The deepest nesting accepted in a dump's BSON document (`CREDEAU_DUMP_MAX_DEPTH`).
    static let dumpMaxDepth = Int(CREDEAU_DUMP_MAX_DEPTH)

    /// Copies one length-prefixed BSON document and checks its structure and nesting depth.
    static func copyBSON(_ bytes: UnsafeRawBufferPointer) -> Result<BSONDocument, BSONParseFailure> {
        guard let base = bytes.baseAddress, bytes.count >= 5 else { return .failure(BSONParseFailure("truncated document")) }
        guard let handle = bson_new_from_data(base.assumingMemoryBound(to: UInt8.self), bytes.count) else {
            return .failure(BSONParseFailure("invalid document length"))
        }
        let document = BSONDocument(handle: handle)
        // Checked first: bson_validate recurses once per level of nesting.
        guard !credeau_bson_nests_too_deep(handle) else {
            return .failure(BSONParseFailure("documents or arrays nested deeper than \(dumpMaxDepth) levels"))
        }
        var error = bson_error_t()
        guard bson_validate_with_error(handle, BSON_VALIDATE_NONE, &error) else {
            return .failure(BSONParseFailure("corrupt document: \(Self.message(of: &error))"))
        }
        return .success(document)
    }

    /// The top-level fields in document order.
    var fields: BSONFieldSequence {
        let data = bson_get_data(handle)!
        return BSONFieldSequence(owner: self, data: data, length: Self.declaredLength(data))
    }

    /// Reads the little-endian int32 length that starts every BSON document.
    static func declaredLength(_ data: UnsafePointer<UInt8>) -> Int {
        Int(data[0]) | Int(data[1]) << 8 | Int(data[2]) << 16 | Int(data[3]) << 24
    }

    private static func message(of error: inout bson_error_t) -> String {
        let message = withUnsafeBytes(of: &error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return JSONParser.plainParseError(message) ?? message
    }
}

@available(*, unavailable, message: "A BSON document is read by one thread at a time")
extension BSONDocument: Sendable {}

/// libbson's reason for rejecting a document, in its own words, or a value rejected before parsing.
struct BSONParseFailure: Error, Equatable {
    var message: String
    /// The member name of the rejected value, when the failure is about one value and not the syntax.
    var field: String?
    /// The 1-based position of the SMS holding the rejected value, when it lies in an SMS list.
    var smsIndex: Int?
    /// False when the text is valid JSON of the wrong shape, so messages must not call it invalid JSON.
    var isSyntaxError: Bool

    init(_ message: String, field: String? = nil, isSyntaxError: Bool = true) {
        self.message = message
        self.field = field
        self.isSyntaxError = isSyntaxError && field == nil
    }
}
