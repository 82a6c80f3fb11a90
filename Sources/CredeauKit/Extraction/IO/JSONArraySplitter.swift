/// Splits one top-level JSON array into its elements without parsing them, fed chunk by chunk.
///
/// A small state machine tracks nesting depth and string escapes, so brackets and commas inside
/// strings do not end an element. Each element's bytes are handed on for libbson to parse.
struct JSONArraySplitter {
    private enum Phase {
        case beforeArray, betweenElements, inElement, afterArray, stopped
    }

    private var phase = Phase.beforeArray
    private var depth = 0
    private var isInString = false
    private var isEscaped = false
    private var isScalar = false
    private var element: [UInt8] = []
    private var elementOffset: Int64 = 0
    private var elementLine = 1
    private var elementCount = 0
    private var line = 1
    /// The last element or comma read. JSON allows one comma between elements and none before the
    /// first or after the last, and `migrate --load` (libbson) rejects the others too.
    private var separator = Separator.opened
    /// The line of the last comma, for a message about it.
    private var commaLine = 1

    private enum Separator {
        case opened, afterElement, afterComma
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer, at chunkOffset: Int64, visit: (ScanItem) throws -> Void) throws {
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            let consumed = try step(byte, offset: chunkOffset + Int64(index), visit: visit)
            if consumed {
                if byte == 0x0A { line += 1 }
                index += 1
            }
        }
    }

    /// Reports an element or array cut off by the end of the input. Such a file was cut short, so
    /// the elements after the cut are lost, as in a BSON file cut short.
    mutating func finish(visit: (ScanItem) throws -> Void) throws {
        switch phase {
        case .inElement:
            try visit(.unreadable(location(ofElementAtLine: elementLine), reason: "the input ends inside this element",
                                  losesRest: true))
        case .betweenElements:
            try visit(.unreadable(RecordLocation(line: line), reason: "the JSON array is not closed with ']'",
                                  losesRest: true))
        case .beforeArray, .afterArray, .stopped:
            break
        }
        phase = .stopped
    }

    /// Handles one byte; returns false when the byte must be seen again in the next phase.
    private mutating func step(_ byte: UInt8, offset: Int64, visit: (ScanItem) throws -> Void) throws -> Bool {
        switch phase {
        case .beforeArray:
            // The bytes of a UTF-8 byte order mark may precede the array.
            if byte == 0xEF || byte == 0xBB || byte == 0xBF || DocumentScanner.isJSONSpace(byte) { return true }
            if byte == UInt8(ascii: "[") {
                phase = .betweenElements
            } else {
                try visit(.unreadable(RecordLocation(line: line), reason: "expected '[' to open a JSON array", losesRest: true))
                phase = .stopped
            }
            return true
        case .betweenElements:
            if DocumentScanner.isJSONSpace(byte) { return true }
            if byte == UInt8(ascii: ",") {
                if separator != .afterElement {
                    let place = separator == .opened ? "before the first element" : "after another comma"
                    try visit(.unreadable(RecordLocation(line: line), reason: "a comma \(place) is not JSON"))
                }
                separator = .afterComma
                commaLine = line
                return true
            }
            if byte == UInt8(ascii: "]") {
                if separator == .afterComma {
                    try visit(.unreadable(RecordLocation(line: commaLine),
                                          reason: "a comma after the last element (before ']') is not JSON; remove it"))
                }
                phase = .afterArray
                return true
            }
            if separator == .afterElement {
                try visit(.unreadable(RecordLocation(line: line), reason: "a comma is missing before this element"))
            }
            separator = .opened
            startElement(byte, offset: offset)
            return true
        case .inElement:
            return try continueElement(byte, visit: visit)
        case .afterArray:
            if !DocumentScanner.isJSONSpace(byte) {
                try visit(.unreadable(RecordLocation(line: line), reason: "unexpected text after the closing ']'",
                                      losesRest: true))
                phase = .stopped
            }
            return true
        case .stopped:
            return true
        }
    }

    private mutating func startElement(_ byte: UInt8, offset: Int64) {
        phase = .inElement
        elementCount += 1
        elementOffset = offset
        elementLine = line
        element.removeAll(keepingCapacity: true)
        element.append(byte)
        isEscaped = false
        isInString = byte == UInt8(ascii: "\"")
        isScalar = byte != UInt8(ascii: "{") && byte != UInt8(ascii: "[")
        depth = isScalar ? 0 : 1
    }

    private mutating func continueElement(_ byte: UInt8, visit: (ScanItem) throws -> Void) throws -> Bool {
        if isInString {
            element.append(byte)
            if isEscaped {
                isEscaped = false
            } else if byte == UInt8(ascii: "\\") {
                isEscaped = true
            } else if byte == UInt8(ascii: "\"") {
                isInString = false
            }
            return true
        }
        if isScalar && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || DocumentScanner.isJSONSpace(byte)) {
            try emitElement(visit: visit)
            return false
        }
        element.append(byte)
        switch byte {
        case UInt8(ascii: "\""):
            isInString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 { try emitElement(visit: visit) }
        default:
            break
        }
        return true
    }

    private mutating func emitElement(visit: (ScanItem) throws -> Void) throws {
        phase = .betweenElements
        separator = .afterElement
        let location = location(ofElementAtLine: elementLine)
        guard element.first == UInt8(ascii: "{") else {
            try visit(.unreadable(location, reason: "expected a JSON object, found '\(Self.preview(element))'"))
            return
        }
        let span = DocumentSpan(offset: elementOffset, length: element.count, location: location)
        try element.withUnsafeBytes { try visit(.document(span, $0)) }
    }

    private func location(ofElementAtLine elementLine: Int) -> RecordLocation {
        RecordLocation(line: elementLine, document: elementCount)
    }

    private static func preview(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(20), as: UTF8.self)
        return bytes.count > 20 ? text + "…" : text
    }
}
