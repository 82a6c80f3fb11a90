import CBSON

/// Writes the `/api/extract_sms` response as one BSON document, for clients whose `Accept`
/// header prefers `application/bson`. This is a credeau extension, and JSON stays the contract.
///
/// The document mirrors the JSON response member for member: `request_id` (string), then
/// `extracted_sms_data`, an array of one embedded document per entry with the keys of
/// `ExtractedSMSColumns` in order. Texts, dates included, are UTF-8 strings, flags are booleans,
/// missing values are null, and an amount is an int64 where the JSON writer prints a whole number
/// and a double where it prints decimals. An amount the JSON writer prints as `null` is null.
enum ExtractedSMSBSONWriter {
    static let mediaType = "application/bson"

    /// True when `accept` names `application/bson` with a weight above 0 and no lower than the
    /// weight it gives `application/json`. Wildcards alone (`*/*`, `application/*`) keep JSON.
    static func isPreferred(by accept: String?) -> Bool {
        let header = AcceptHeader(accept)
        guard let bson = header.explicitQuality(of: mediaType), bson > 0 else { return false }
        return bson >= header.quality(of: "application/json") ?? 0
    }

    /// Returns the response document's bytes, or nil when libbson cannot append it (a document
    /// past its 2 GiB limit). The caller then responds with JSON.
    static func encode(_ rows: ExtractedSMSRows, requestID: String) -> [UInt8]? {
        // bson_sized_new asserts that the size fits an int32, and the buffer grows as needed.
        guard let document = bson_sized_new(min(64 + rows.count * 900, 1 << 26)) else { return nil }
        defer { bson_destroy(document) }
        let written = withUnsafeTemporaryAllocation(byteCount: 2 * documentSize, alignment: documentSize) { storage in
            let list = OpaquePointer(storage.baseAddress!)
            let entry = OpaquePointer(storage.baseAddress! + documentSize)
            return appendText(requestID, key: requestIDKey, to: document)
                && appendList(rows, list: list, entry: entry, to: document)
        }
        guard written, let data = bson_get_data(document) else { return nil }
        // A BSON document starts with its total length as a little-endian int32.
        let length = Int(UInt32(littleEndian: UnsafeRawPointer(data).loadUnaligned(as: UInt32.self)))
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    /// `sizeof(bson_t)` in libbson 1.23: a 128-byte aligned struct of 128 bytes.
    private static let documentSize = 128

    /// Column names as NUL-terminated C strings, made once.
    private static let columnKeys: [[CChar]] = ExtractedSMSColumns.names.map { Array($0.utf8CString) }
    private static let requestIDKey = Array("request_id".utf8CString)
    private static let listKey = Array("extracted_sms_data".utf8CString)
    /// The pointer libbson gets for an empty text, because a NULL value would append a null.
    private static let emptyText: [CChar] = [0]

    private static func appendList(_ rows: ExtractedSMSRows, list: OpaquePointer, entry: OpaquePointer,
                                   to document: OpaquePointer) -> Bool {
        let began = listKey.withUnsafeBufferPointer {
            bson_append_array_begin(document, $0.baseAddress, Int32($0.count - 1), list)
        }
        guard began else { return false }
        let keys = columnKeys
        // Array keys are the indexes as decimal text, which bson_uint32_to_string writes
        // (or points at from its table of small numbers).
        var indexText = [CChar](repeating: 0, count: 16)
        for index in 0..<rows.count {
            let appended = indexText.withUnsafeMutableBufferPointer { buffer -> Bool in
                var key: UnsafePointer<CChar>?
                let length = bson_uint32_to_string(UInt32(index), &key, buffer.baseAddress, buffer.count)
                return bson_append_document_begin(list, key, Int32(length), entry)
                    && appendEntry(rows[index], keys: keys, to: entry)
                    && bson_append_document_end(list, entry)
            }
            guard appended else { return false }
        }
        return bson_append_array_end(document, list)
    }

    private static func appendEntry(_ values: ArraySlice<ExtractedFieldValue>, keys: [[CChar]], to entry: OpaquePointer) -> Bool {
        for (key, value) in zip(keys, values) {
            let appended: Bool
            switch value {
            case .null:
                appended = key.withUnsafeBufferPointer { bson_append_null(entry, $0.baseAddress, Int32($0.count - 1)) }
            case let .text(text):
                appended = appendText(text, key: key, to: entry)
            case let .bool(flag):
                appended = key.withUnsafeBufferPointer {
                    bson_append_bool(entry, $0.baseAddress, Int32($0.count - 1), flag)
                }
            case let .amount(rupees):
                appended = appendAmount(rupees, key: key, to: entry)
            }
            guard appended else { return false }
        }
        return true
    }

    private static func appendText(_ text: String, key: [CChar], to document: OpaquePointer) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            key.withUnsafeBufferPointer { keyBytes in
                bytes.withMemoryRebound(to: CChar.self) { value in
                    emptyText.withUnsafeBufferPointer { empty in
                        bson_append_utf8(document, keyBytes.baseAddress, Int32(keyBytes.count - 1),
                                         value.baseAddress ?? empty.baseAddress, Int32(value.count))
                    }
                }
            }
        }
    }

    /// Appends rupees as the JSON writer prints them: rounded to the paisa, an int64 when whole,
    /// a double otherwise, and null when not finite or too large to round (see `JSONText.amount`).
    private static func appendAmount(_ rupees: Double, key: [CChar], to entry: OpaquePointer) -> Bool {
        key.withUnsafeBufferPointer { keyBytes in
            let name = keyBytes.baseAddress
            let length = Int32(keyBytes.count - 1)
            guard let paise = JSONText.paise(rupees) else { return bson_append_null(entry, name, length) }
            if paise % 100 == 0 { return bson_append_int64(entry, name, length, paise / 100) }
            // Both numbers are exact doubles below 2^53 and IEEE division rounds once, so the
            // result is the double nearest to the decimal the JSON writer prints.
            return bson_append_double(entry, name, length, Double(paise) / 100)
        }
    }
}
