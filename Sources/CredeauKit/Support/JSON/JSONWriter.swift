/// Serialises JSON into a byte buffer without going through Foundation.
///
/// Strings are escaped per RFC 8259 (quote, backslash and control characters) by
/// `JSONText.appendString`; everything else, including non-ASCII text, is written as UTF-8.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeNull()
        case let .bool(flag): write(flag)
        case let .integer(number): write(number)
        case let .number(number): write(number)
        case let .string(text): write(text)
        case let .array(items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case let .object(members):
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(key)
                bytes.append(UInt8(ascii: ":"))
                write(item)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    public mutating func writeNull() {
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    public mutating func write(_ flag: Bool) {
        if flag {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    public mutating func write(_ number: Int64) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// Writes a finite number in its shortest round-trip form; NaN and infinity become null,
    /// which JSON cannot otherwise express.
    public mutating func write(_ number: Double) {
        guard number.isFinite else { return writeNull() }
        if number.rounded() == number && abs(number) < 1e15 {
            write(Int64(number))
        } else {
            bytes.append(contentsOf: number.description.utf8)
        }
    }

    /// Writes a quoted string with the escaping of `JSONText.appendString`.
    public mutating func write(_ text: String) {
        JSONText.appendString(text, to: &bytes)
    }

    /// Appends raw bytes that are already valid JSON.
    public mutating func writeRaw(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    public mutating func writeRaw(_ raw: StaticString) {
        raw.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
