/// The place of one invalid UTF-8 sequence in a JSON object's strings.
struct InvalidUTF8Site: Equatable {
    /// Key of the top-level member whose value contains the bad bytes.
    var memberKey: String
    /// 1-based element of that member's array that contains them, or nil when the member is no array.
    var element: Int?
    /// Keys from that element (or from the member when it is no array) down to the bad bytes.
    var path: [String]

    /// The field that messages name: a known field by its usual name (`sms_body` for `body`),
    /// a nested one by its whole path (`extra.x`), a top-level value by its member.
    var fieldName: String {
        switch path.count {
        case 0: return SyncRecordField.canonicalName(of: memberKey)
        case 1: return SyncRecordField.canonicalName(of: path[0])
        default: return path.joined(separator: ".")
        }
    }
}

/// Replaces invalid UTF-8 inside the strings of a JSON object, so that the rest of it can be read.
///
/// libbson rejects a whole document for one invalid byte. Knowing which element of the SMS array
/// held it lets the reader skip that SMS alone.
enum InvalidUTF8Mender {
    /// Returns the text with each invalid byte inside a string or key replaced by U+FFFD, and the
    /// sites of the bytes replaced. Returns nil when the text is valid UTF-8, or has an invalid
    /// byte outside any string.
    static func mend(_ bytes: UnsafeRawBufferPointer) -> (text: [UInt8], sites: [InvalidUTF8Site])? {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 16)
        var sites: [InvalidUTF8Site] = []
        var nesting = Nesting()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            nesting.countElement(startingWith: byte)
            guard byte == UInt8(ascii: "\"") else {
                guard nesting.step(byte) else { return nil }
                text.append(byte)
                index += 1
                continue
            }

            let (string, hasInvalidByte, end) = readString(bytes, from: index + 1)
            if hasInvalidByte {
                let site = nesting.isKeyNext ? nesting.keySite(String(decoding: string, as: UTF8.self)) : nesting.site()
                guard let site else { return nil }
                if sites.last != site { sites.append(site) }
            }
            nesting.read(string: string)
            text.append(byte)
            text.append(contentsOf: string)
            if end < bytes.count { text.append(byte) }
            index = end + 1
        }
        return sites.isEmpty ? nil : (text, sites)
    }

    /// The open objects and arrays at one point of a JSON text, with the keys read in them.
    private struct Nesting {
        private enum Container { case object, array }

        private var containers: [Container] = []
        /// The last key read in each open object, and nil for each open array.
        private var keys: [String?] = []
        private var expectsKey = false
        /// The 1-based element of the top-level member's array being read.
        private var element = 0
        private var isElementOpen = false

        private var isInMemberArray: Bool { containers.count >= 2 && containers[1] == .array }

        /// Counts a new element of the top-level member's array when `byte` starts one.
        mutating func countElement(startingWith byte: UInt8) {
            guard containers.count == 2, containers[1] == .array, !isElementOpen, !DocumentScanner.isJSONSpace(byte),
                  byte != UInt8(ascii: ","), byte != UInt8(ascii: "]") else { return }
            element += 1
            isElementOpen = true
        }

        /// Follows one byte outside strings; returns false for a byte that cannot be there.
        mutating func step(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                containers.append(byte == UInt8(ascii: "{") ? .object : .array)
                keys.append(nil)
                expectsKey = byte == UInt8(ascii: "{")
                if containers.count == 2 { isElementOpen = false }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard !containers.isEmpty else { return false }
                containers.removeLast()
                keys.removeLast()
                expectsKey = false
            case UInt8(ascii: ","):
                expectsKey = containers.last == .object
                if containers.count == 2 { isElementOpen = false }
            case 0x80...0xFF:
                return false
            default:
                break
            }
            return true
        }

        /// Returns the site of a string about to be read, or nil when the string is a key or lies
        /// outside any member.
        func site() -> InvalidUTF8Site? {
            guard !isKeyNext, let memberKey = keys.first ?? nil else { return nil }
            let path = keys.dropFirst(isInMemberArray ? 2 : 0).compactMap { $0 }
            return InvalidUTF8Site(memberKey: memberKey, element: isInMemberArray ? element : nil, path: path.isEmpty ? [memberKey] : path)
        }

        /// Returns the site of a key about to be read, given as mended: a top-level key is a
        /// member of its own, and a nested one is named by the path down to it.
        func keySite(_ key: String) -> InvalidUTF8Site? {
            guard containers.count > 1 else { return InvalidUTF8Site(memberKey: key, element: nil, path: [key]) }
            guard let memberKey = keys.first ?? nil else { return nil }
            let path = keys.dropFirst(isInMemberArray ? 2 : 0).dropLast().compactMap { $0 } + [key]
            return InvalidUTF8Site(memberKey: memberKey, element: isInMemberArray ? element : nil, path: path)
        }

        /// Takes a string read as the key of the innermost object, when it is one.
        mutating func read(string: [UInt8]) {
            guard isKeyNext else { return }
            keys[keys.count - 1] = String(decoding: string, as: UTF8.self)
            expectsKey = false
            if containers.count == 1 { element = 0 }
        }

        var isKeyNext: Bool { containers.last == .object && expectsKey }
    }

    /// Returns the bytes of the string that starts at `start` with invalid UTF-8 replaced, whether
    /// any was, and the offset of its closing quote.
    private static func readString(
        _ bytes: UnsafeRawBufferPointer, from start: Int
    ) -> (string: [UInt8], hasInvalidByte: Bool, end: Int) {
        var string: [UInt8] = []
        var hasInvalidByte = false
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                let end = min(index + 2, bytes.count)
                string.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            let length = JSONKeyLocator.validUTF8Length(bytes, at: index)
            if length > 0 {
                string.append(contentsOf: bytes[index..<(index + length)])
                index += length
            } else {
                string.append(contentsOf: [0xEF, 0xBF, 0xBD])
                hasInvalidByte = true
                index += 1
            }
        }
        return (string, hasInvalidByte, index)
    }
}
