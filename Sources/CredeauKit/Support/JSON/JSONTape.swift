import CSimdJSON
#if canImport(Glibc)
import Glibc
#endif

/// A read-only view of a document that simdjson parsed, in its tape format (simdjson 3.0,
/// doc/tape.md): one 64-bit word per value with the value's type character in the top 8 bits.
///
/// Positions are word indices. A number takes two words (the type word, then the value). An
/// object or array starts with a word whose low 32 bits are the position after its closing
/// word, and whose bits 32 to 55 count its members.
/// The view borrows the parser's memory, so it is valid only inside `JSONTapeParser.withTape`.
struct JSONTape {
    let words: UnsafePointer<UInt64>
    let count: Int
    let strings: UnsafePointer<UInt8>

    /// The tape's type characters.
    enum Kind: UInt8 {
        case root = 0x72 // r
        case objectStart = 0x7B // {
        case objectEnd = 0x7D // }
        case arrayStart = 0x5B // [
        case arrayEnd = 0x5D // ]
        case string = 0x22 // "
        case int64 = 0x6C // l
        case uint64 = 0x75 // u
        case double = 0x64 // d
        case null = 0x6E // n
        case `true` = 0x74 // t
        case `false` = 0x66 // f
    }

    private static let payloadMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF

    /// Returns the member count of the object or array starting at `position`. simdjson saturates
    /// it at 0xFFFFFF, so it serves only to reserve room.
    func memberCount(at position: Int) -> Int {
        Int((words[position] >> 32) & 0xFF_FFFF)
    }

    /// Position of the root value: the word after the opening root word.
    var rootPosition: Int { 1 }

    func typeCharacter(at position: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: words[position] >> 56)
    }

    func kind(at position: Int) -> Kind? {
        Kind(rawValue: typeCharacter(at: position))
    }

    /// Returns the position of the value after the one at `position`, skipping a whole object or
    /// array and the value word of a number.
    func position(after position: Int) -> Int {
        switch typeCharacter(at: position) {
        case Kind.objectStart.rawValue, Kind.arrayStart.rawValue:
            return Int(UInt32(truncatingIfNeeded: words[position]))
        case Kind.int64.rawValue, Kind.uint64.rawValue, Kind.double.rawValue:
            return position + 2
        default:
            return position + 1
        }
    }

    /// Returns the bytes of the string at `position`, which must be a string word. simdjson has
    /// already replaced the escapes and checked the UTF-8.
    func stringBytes(at position: Int) -> UnsafeRawBufferPointer {
        let start = strings + Int(words[position] & Self.payloadMask)
        var length: UInt32 = 0
        memcpy(&length, start, MemoryLayout<UInt32>.size)
        return UnsafeRawBufferPointer(start: start + MemoryLayout<UInt32>.size, count: Int(UInt32(littleEndian: length)))
    }

    /// Returns the integer at `position`, which must be an `int64` word.
    func int64(at position: Int) -> Int64 {
        Int64(bitPattern: words[position + 1])
    }

    /// Returns true when every number on the tape is an `int64`: no floating-point value and no
    /// integer between Int64.max and UInt64.max.
    func hasOnlyInt64Numbers() -> Bool {
        var position = 0
        while position < count {
            switch typeCharacter(at: position) {
            case Kind.int64.rawValue: position += 2
            case Kind.uint64.rawValue, Kind.double.rawValue: return false
            default: position += 1
            }
        }
        return true
    }
}

/// Parses JSON with simdjson into a `JSONTape`, with one parser per thread that keeps its
/// buffers from one document to the next.
enum JSONTapeParser {
    /// Documents nested deeper than this are rejected.
    static let maxDepth = 64

    /// Longer texts are not parsed. simdjson 3.0 sizes a parser for the longest text it has
    /// parsed, at about 15 bytes of buffers per byte of text (most of them never written), and
    /// each thread keeps its parser, so the limit bounds that memory.
    static let maxTextBytes = 4 * 1024 * 1024

    /// Parses `bytes` and calls `body` with the tape, or returns nil when simdjson rejects the
    /// text (invalid JSON or UTF-8, nesting beyond `maxDepth`, content after the value), when the
    /// text is longer than `maxTextBytes`, or when no parser could be made.
    static func withTape<Result>(of bytes: UnsafeRawBufferPointer,
                                 _ body: (JSONTape) throws -> Result?) rethrows -> Result? {
        guard bytes.count <= maxTextBytes, let parser = threadParser(), let base = bytes.baseAddress else { return nil }
        var raw = credeau_json_tape()
        guard credeau_json_parse(parser, base.assumingMemoryBound(to: UInt8.self), bytes.count, &raw) == 0,
              let words = raw.words, let strings = raw.strings
        else { return nil }
        return try body(JSONTape(words: words, count: raw.count, strings: strings))
    }

    /// Returns this thread's parser, made on first use and freed when the thread exits.
    private static func threadParser() -> OpaquePointer? {
        if let existing = pthread_getspecific(parserKey) { return OpaquePointer(existing) }
        guard let parser = credeau_json_parser_new(maxDepth) else { return nil }
        pthread_setspecific(parserKey, UnsafeRawPointer(parser))
        return parser
    }

    private static let parserKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { parser in
            if let parser { credeau_json_parser_free(OpaquePointer(parser)) }
        }
        return key
    }()
}
