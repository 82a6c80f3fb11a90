/// Reads the Extended JSON wrappers that libbson 1.23 converts while it parses, on a simdjson
/// tape, so that a tape gives the values that libbson's document gives.
///
/// Only these exact forms are read: `{"$oid": "<24 lowercase hex digits>"}`, which libbson
/// stores as an ObjectId, and as a date `{"$date": {"$numberLong": "<digits>"}}` or
/// `{"$date": "YYYY-MM-DDTHH:MM:SSZ"}` with optional milliseconds `.sss` before the `Z`, which
/// is what libbson's relaxed Extended JSON writes for the years 1970 to 9999. Any other member
/// name that starts with `$`, and any other `$date` value, makes `hasOnlyReadableWrappers` false,
/// and callers then parse the text with libbson.
enum JSONTapeExtendedJSON {
    /// The value libbson makes of an object on the tape.
    enum ObjectForm: Equatable {
        case plain
        /// An ObjectId, as the hex text that `bson_oid_to_string` writes.
        case objectID(String)
        /// A date in epoch milliseconds.
        case date(Int64)
        case unreadable
    }

    /// Returns true when every object of the tape is plain or one of the two readable wrappers.
    static func hasOnlyReadableWrappers(_ tape: JSONTape) -> Bool {
        isReadable(tape, at: tape.rootPosition)
    }

    private static func isReadable(_ tape: JSONTape, at position: Int) -> Bool {
        switch tape.kind(at: position) {
        case .objectStart:
            switch form(ofObjectAt: position, in: tape) {
            case .plain:
                var member = position + 1
                while tape.kind(at: member) != .objectEnd {
                    guard isReadable(tape, at: member + 1) else { return false }
                    member = tape.position(after: member + 1)
                }
                return true
            case .objectID, .date:
                return true
            case .unreadable:
                return false
            }
        case .arrayStart:
            var item = position + 1
            while tape.kind(at: item) != .arrayEnd {
                guard isReadable(tape, at: item) else { return false }
                item = tape.position(after: item)
            }
            return true
        default:
            return true
        }
    }

    /// Classifies the object at `position`. A member name that starts with `$` anywhere in the
    /// object makes it a wrapper, readable only as the whole object.
    static func form(ofObjectAt position: Int, in tape: JSONTape) -> ObjectForm {
        var member = position + 1
        var hasDollarKey = false
        var memberCount = 0
        while tape.kind(at: member) != .objectEnd {
            if tape.stringBytes(at: member).first == UInt8(ascii: "$") { hasDollarKey = true }
            memberCount += 1
            member = tape.position(after: member + 1)
        }
        guard hasDollarKey else { return .plain }
        guard memberCount == 1 else { return .unreadable }

        let key = tape.stringBytes(at: position + 1)
        let value = position + 2
        if key.elementsEqual("$oid".utf8) {
            guard tape.kind(at: value) == .string else { return .unreadable }
            let hex = tape.stringBytes(at: value)
            let isLowercaseHex = hex.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            guard hex.count == 24, isLowercaseHex else { return .unreadable }
            return .objectID(String(decoding: hex, as: UTF8.self))
        }
        if key.elementsEqual("$date".utf8) {
            if tape.kind(at: value) == .string {
                guard let millis = utcMillis(iso: tape.stringBytes(at: value)) else { return .unreadable }
                return .date(millis)
            }
            guard tape.kind(at: value) == .objectStart,
                  tape.kind(at: value + 1) == .string, tape.kind(at: value + 2) == .string,
                  tape.kind(at: value + 3) == .objectEnd,
                  tape.stringBytes(at: value + 1).elementsEqual("$numberLong".utf8),
                  let millis = decimalInteger(tape.stringBytes(at: value + 2))
            else { return .unreadable }
            return .date(millis)
        }
        return .unreadable
    }

    /// Reads `0` or an optional `-` and at most 18 digits without a leading zero, so the value
    /// fits Int64 and has one spelling.
    private static func decimalInteger(_ text: UnsafeRawBufferPointer) -> Int64? {
        var digits = text[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        guard digits.first != UInt8(ascii: "0") || (digits.count == 1 && !isNegative) else { return nil }
        let magnitude = digits.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        return isNegative ? -magnitude : magnitude
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` of a real day from 1970 to 9999
    /// as epoch milliseconds, or returns nil for any other text.
    static func utcMillis(iso text: UnsafeRawBufferPointer) -> Int64? {
        guard text.count == 20 || text.count == 24, text.last == UInt8(ascii: "Z") else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(text[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ text[$0.0] == $0.1.asciiValue }) else { return nil }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1970...9999).contains(year), (1...12).contains(month),
              (1...CivilTime.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var millis = 0
        if text.count == 24 {
            guard text[19] == UInt8(ascii: "."), let fraction = number(20, 3) else { return nil }
            millis = fraction
        }
        let seconds = CivilTime.days(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3_600 + minute * 60 + second)
        return seconds * 1_000 + Int64(millis)
    }

    /// Returns the value at `position` as `BSONConversion.readValue` returns libbson's value of
    /// the same text: an ObjectId as its hex text, a date as epoch milliseconds.
    static func treeValue(_ tape: JSONTape, at position: Int) -> JSONValue {
        switch tape.kind(at: position) {
        case .string: return .string(String(decoding: tape.stringBytes(at: position), as: UTF8.self))
        case .int64: return .integer(tape.int64(at: position))
        case .double: return .number(Double(bitPattern: tape.words[position + 1]))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .arrayStart:
            var items: [JSONValue] = []
            var item = position + 1
            while tape.kind(at: item) != .arrayEnd {
                items.append(treeValue(tape, at: item))
                item = tape.position(after: item)
            }
            return .array(items)
        case .objectStart:
            switch form(ofObjectAt: position, in: tape) {
            case let .objectID(hex): return .string(hex)
            case let .date(millis): return .integer(millis)
            case .plain, .unreadable: break
            }
            var members: [(String, JSONValue)] = []
            var member = position + 1
            while tape.kind(at: member) != .objectEnd {
                members.append((String(decoding: tape.stringBytes(at: member), as: UTF8.self), treeValue(tape, at: member + 1)))
                member = tape.position(after: member + 1)
            }
            return .object(members)
        default:
            return .null
        }
    }
}
