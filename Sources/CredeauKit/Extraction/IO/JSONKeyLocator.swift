/// Finds the JSON key whose value contains the first invalid UTF-8 byte, because libbson rejects such
/// a document without saying where.
enum JSONKeyLocator {
    /// Returns the key of the last member that starts before the first invalid UTF-8 sequence, or nil
    /// when the text is valid UTF-8 or no key precedes the bad bytes.
    static func keyBeforeInvalidUTF8(in bytes: UnsafeRawBufferPointer) -> String? {
        guard let badOffset = firstInvalidUTF8Offset(bytes) else { return nil }
        var lastKey: String?
        var index = 0
        while index < badOffset {
            guard bytes[index] == UInt8(ascii: "\"") else {
                index += 1
                continue
            }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < bytes.count else { break }
            var next = end + 1
            while next < bytes.count, DocumentScanner.isJSONSpace(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: ":"), start < badOffset {
                lastKey = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
            index = end + 1
        }
        return lastKey
    }

    /// Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        while index < bytes.count {
            let length = validUTF8Length(bytes, at: index)
            guard length > 0 else { return index }
            index += length
        }
        return nil
    }

    /// Returns the length of the valid UTF-8 sequence that starts at `index`, or 0 when it is invalid.
    static func validUTF8Length(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let length: Int
        switch bytes[index] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let sequence = UnsafeRawBufferPointer(rebasing: bytes[index..<(index + length)])
        return String(validating: sequence, as: UTF8.self) == nil ? 0 : length
    }
}
