/// Writes the `/api/extract_sms` response as one BSON document, for clients whose `Accept`
/// header prefers `application/bson`. This is a credeau extension, and JSON stays the contract.
///
/// The document mirrors the JSON response member for member: `request_id` (string), then
/// `extracted_sms_data`, an array of one embedded document per entry with the keys of
/// `ExtractedSMSColumns` in order. Texts, dates included, are UTF-8 strings, flags are booleans,
/// missing values are null, and an amount is an int64 where the JSON writer prints a whole number
/// and a double where it prints decimals. An amount the JSON writer prints as `null` is null.
///
/// A client that does not read some columns of the response (serve-insights keeps the texts and
/// ids it sent) may name them in the media type parameter `omit` of its `application/bson`
/// range. The value is one column name, or several in a quoted list separated by commas or spaces
/// (`omit="sms_body,user_id"`), and names that are not columns are ignored. A service
/// without this extension, or an older one that reads only `omit=sms_body`, sends the keys
/// anyway, and such a client reads the response the same way.
enum ExtractedSMSBSONWriter {
    static let mediaType = "application/bson"
    /// The Content-Type of a response whose entries leave out `sms_body` alone.
    static let bodylessMediaType = "application/bson; omit=sms_body"

    /// True when `accept` names `application/bson` with a weight above 0 and no lower than the
    /// weight it gives `application/json`. Wildcards alone (`*/*`, `application/*`) keep JSON.
    static func isPreferred(by accept: String?) -> Bool {
        let header = AcceptHeader(accept)
        guard let bson = header.explicitQuality(of: mediaType), bson > 0 else { return false }
        return bson >= header.quality(of: "application/json") ?? 0
    }

    /// True when `omittedColumns(accept:)` includes `sms_body`.
    static func omitsBody(accept: String?) -> Bool {
        omittedColumns(accept: accept).contains(ExtractedSMSRowCodec.Column.smsBody)
    }

    /// Returns the columns, in `ExtractedSMSColumns` order, that the `omit` parameters name on
    /// the `application/bson` ranges of `accept` with the highest weight, when that weight is
    /// above 0. Names are compared as written, so `SMS_BODY` names no column. A range of lower
    /// weight does not count: `application/bson, application/bson;omit=sms_body;q=0.1` gets
    /// every column.
    static func omittedColumns(accept: String?) -> [Int] {
        var names = Set<Substring>()
        for range in preferredBSONRanges(accept) {
            guard let list = range.parameters["omit"] else { continue }
            names.formUnion(list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }))
        }
        guard !names.isEmpty else { return [] }
        return ExtractedSMSColumns.names.indices.filter { names.contains(Substring(ExtractedSMSColumns.names[$0])) }
    }

    /// True when an `application/bson` range of `accept` with the highest weight, above 0,
    /// carries `nulls=absent`. Such a client reads a missing member as null, so null members
    /// can be left out.
    static func omitsNulls(accept: String?) -> Bool {
        preferredBSONRanges(accept).contains { $0.parameters["nulls"] == "absent" }
    }

    /// Returns the `application/bson` ranges of `accept` that have the highest weight among them,
    /// or none when that weight is 0. Their parameters decide what the response leaves out.
    private static func preferredBSONRanges(_ accept: String?) -> [AcceptHeader.MediaRange] {
        let ranges = AcceptHeader(accept).ranges.filter { $0.type == "application" && $0.subtype == "bson" }
        guard let best = ranges.map(\.quality).max(), best > 0 else { return [] }
        return ranges.filter { $0.quality == best }
    }

    /// Returns the Content-Type of a response whose entries leave out `omitted` (column positions,
    /// in order) and, with `omittingNulls`, every null member.
    static func mediaType(omitting omitted: [Int], omittingNulls: Bool = false) -> String {
        var type = mediaType
        if omitted == [ExtractedSMSRowCodec.Column.smsBody] {
            type = bodylessMediaType
        } else if !omitted.isEmpty {
            type += "; omit=\"\(omitted.map { ExtractedSMSColumns.names[$0] }.joined(separator: ","))\""
        }
        return omittingNulls ? type + "; nulls=absent" : type
    }

    /// Returns the response document's bytes, or nil when it would pass BSON's 2 GiB limit. The
    /// caller then responds with JSON. With `omittingBody` the entries have no `sms_body` member.
    static func encode(_ rows: ExtractedSMSRows, requestID: String, omittingBody: Bool = false) -> [UInt8]? {
        encode(rows, requestID: requestID, omitting: omittingBody ? [ExtractedSMSRowCodec.Column.smsBody] : [])
    }

    /// Returns the response document's bytes without the members of the columns `omitted`, or
    /// nil when it would pass BSON's 2 GiB limit.
    ///
    /// The bytes equal what libbson's append functions write for the same members. The size is
    /// computed by a loop of its own and the bytes are written in one pass (see `BSONBufferWriter`).
    static func encode(_ rows: ExtractedSMSRows, requestID: String, omitting omitted: [Int],
                       omittingNulls: Bool = false) -> [UInt8]? {
        let keys = columnKeys
        let values = rows.values
        let width = ExtractedSMSRows.width
        var written = [Bool](repeating: true, count: width)
        for column in omitted where column >= 0 && column < width { written[column] = false }
        let size = documentSize(rows, requestID: requestID, written: written, omittingNulls: omittingNulls)
        // The values are read through a buffer pointer, so each one is borrowed rather than copied
        // (a copy of a text retains its storage and releases it again).
        return values.withUnsafeBufferPointer { values in
            BSONBufferWriter.document(size: size) { writer in
                let document = writer.beginDocument()
                writer.appendHeader(BSONBufferWriter.stringType, key: "request_id")
                writer.appendString(requestID)
                writer.appendHeader(BSONBufferWriter.arrayType, key: "extracted_sms_data")
                let list = writer.beginDocument()
                for row in 0..<rows.count {
                    writer.appendHeader(BSONBufferWriter.documentType, index: row)
                    let entry = writer.beginDocument()
                    for column in 0..<width where written[column] {
                        if omittingNulls, isNull(values[row * width + column]) { continue }
                        appendValue(values[row * width + column], key: keys[column], to: &writer)
                    }
                    writer.endDocument(entry)
                }
                writer.endDocument(list)
                writer.endDocument(document)
            }
        }
    }

    /// Returns the byte length of the document `encode` writes, element for element, with the
    /// members of the columns marked in `written`.
    private static func documentSize(_ rows: ExtractedSMSRows, requestID: String, written: [Bool],
                                     omittingNulls: Bool) -> Int {
        // The document frame, the request_id element, and the array's header and frame.
        var size = 5 + (1 + 10 + 1) + BSONBufferWriter.stringValueSize(requestID) + (1 + 18 + 1) + 5
        let width = ExtractedSMSRows.width
        let keyLengths = keyLengths
        rows.values.withUnsafeBufferPointer { values in
            for index in values.indices {
                let column = index % width
                if column == 0 { size += BSONBufferWriter.headerSize(index: index / width) + 5 }
                if !written[column] || (omittingNulls && isNull(values[index])) { continue }
                size += 1 + keyLengths[column] + 1
                switch values[index] {
                case .null: break
                case let .text(text): size += BSONBufferWriter.stringValueSize(text)
                case .bool: size += 1
                case let .amount(rupees): size += JSONText.paise(rupees) == nil ? 0 : 8
                }
            }
        }
        return size
    }

    /// Column names as UTF-8, in memory kept for the life of the process, so that writing a key
    /// needs no closure. Unsafe only in name: the bytes are never written after they are made.
    nonisolated(unsafe) private static let columnKeys: [UnsafeRawBufferPointer] = ExtractedSMSColumns.names.map { name in
        let bytes = Array(name.utf8)
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        memory.copyBytes(from: bytes)
        return UnsafeRawBufferPointer(memory)
    }
    private static let keyLengths: [Int] = ExtractedSMSColumns.names.map(\.utf8.count)

    /// True for a value written as BSON null: null itself, and an amount the JSON writer prints as null.
    @inline(__always)
    private static func isNull(_ value: ExtractedFieldValue) -> Bool {
        switch value {
        case .null: return true
        case let .amount(rupees): return JSONText.paise(rupees) == nil
        case .text, .bool: return false
        }
    }

    @inline(__always)
    private static func appendValue(_ value: ExtractedFieldValue, key: UnsafeRawBufferPointer,
                                    to writer: inout BSONBufferWriter) {
        switch value {
        case .null:
            writer.appendHeader(BSONBufferWriter.nullType, key: key)
        case let .text(text):
            writer.appendHeader(BSONBufferWriter.stringType, key: key)
            writer.appendString(text)
        case let .bool(flag):
            writer.appendHeader(BSONBufferWriter.boolType, key: key)
            writer.appendBool(flag)
        case let .amount(rupees):
            appendAmount(rupees, key: key, to: &writer)
        }
    }

    /// Appends rupees as the JSON writer prints them: rounded to the paisa, an int64 when whole,
    /// a double otherwise, and null when not finite or too large to round (see `JSONText.amount`).
    private static func appendAmount(_ rupees: Double, key: UnsafeRawBufferPointer, to writer: inout BSONBufferWriter) {
        guard let paise = JSONText.paise(rupees) else {
            return writer.appendHeader(BSONBufferWriter.nullType, key: key)
        }
        if paise % 100 == 0 {
            writer.appendHeader(BSONBufferWriter.int64Type, key: key)
            writer.appendInt64(paise / 100)
            return
        }
        // Both numbers are exact doubles below 2^53 and IEEE division rounds once, so the
        // result is the double nearest to the decimal the JSON writer prints.
        writer.appendHeader(BSONBufferWriter.doubleType, key: key)
        writer.appendDouble(Double(paise) / 100)
    }
}
