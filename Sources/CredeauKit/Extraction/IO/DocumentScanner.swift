/// The offset and length of one document in an input file, so the second pass can read it again.
struct DocumentSpan: Equatable, Sendable {
    var offset: Int64
    var length: Int
    var location: RecordLocation
    /// True for the last line of a JSON Lines file when no newline ends it. Such a line that does
    /// not parse was cut short, so the lines after it are lost.
    var endsFileUnterminated = false

    /// Returns `problem` with the cut named when the document does not parse and is an
    /// unterminated last line. Returns nil for any other problem or document.
    func cutLineProblem(_ problem: FieldProblem) -> FieldProblem? {
        guard endsFileUnterminated, problem.isUnparsed else { return nil }
        var cut = problem
        cut.reason += "; the input ends inside this line"
        return cut
    }
}

/// A scanner's finding: the bytes of one document, or a stretch of the file it could not split.
enum ScanItem {
    /// The bytes are valid only during the callback.
    case document(DocumentSpan, UnsafeRawBufferPointer)
    /// With `losesRest`, the scanner cannot go on past it, and the rest of the file is not read.
    case unreadable(RecordLocation, reason: String, losesRest: Bool = false)
}

/// Splits an input file into documents without parsing them, reading it in fixed-size chunks so
/// memory stays bounded by the largest document.
enum DocumentScanner {
    static let chunkSize = 1 << 20

    /// Calls `visit` for each document or unreadable stretch, and `progress` with the bytes read so far.
    static func scan(
        _ file: InputFile, format: SMSInputFormat, progress: (Int64) -> Void, visit: (ScanItem) throws -> Void
    ) throws {
        switch format {
        case .jsonLines:
            try scanLines(file, progress: progress, visit: visit)
        case .jsonArray:
            var splitter = JSONArraySplitter()
            try scanChunks(file, progress: progress) { chunk, offset in
                try splitter.feed(chunk, at: offset, visit: visit)
            }
            try splitter.finish(visit: visit)
        case .bson:
            try BSONFileScanner.scan(file, progress: progress, visit: visit)
        }
    }

    /// Reads the file in chunks and hands each to `body` with its file offset.
    static func scanChunks(
        _ file: InputFile, progress: (Int64) -> Void, body: (UnsafeRawBufferPointer, Int64) throws -> Void
    ) throws {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var offset: Int64 = 0
        while true {
            let count = try file.read(into: chunk, at: offset)
            if count == 0 { break }
            try body(UnsafeRawBufferPointer(rebasing: chunk[0..<count]), offset)
            offset += Int64(count)
            progress(offset)
        }
    }

    /// Splits JSON Lines at `\n`; a line may span chunks, so its start is kept in `pending`.
    private static func scanLines(
        _ file: InputFile, progress: (Int64) -> Void, visit: (ScanItem) throws -> Void
    ) throws {
        var pending: [UInt8] = []
        var pendingOffset: Int64 = 0
        var lineNumber = 0
        try scanChunks(file, progress: progress) { chunk, chunkOffset in
            var start = 0
            while start < chunk.count, let newline = chunk[start...].firstIndex(of: 0x0A) {
                lineNumber += 1
                if pending.isEmpty {
                    let line = UnsafeRawBufferPointer(rebasing: chunk[start..<newline])
                    try emitLine(line, offset: chunkOffset + Int64(start), number: lineNumber, visit: visit)
                } else {
                    pending.append(contentsOf: chunk[start..<newline])
                    try pending.withUnsafeBytes {
                        try emitLine($0, offset: pendingOffset, number: lineNumber, visit: visit)
                    }
                    pending.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            if start < chunk.count {
                if pending.isEmpty { pendingOffset = chunkOffset + Int64(start) }
                pending.append(contentsOf: chunk[start...])
            }
        }
        if !pending.isEmpty {
            try pending.withUnsafeBytes {
                try emitLine($0, offset: pendingOffset, number: lineNumber + 1, unterminated: true, visit: visit)
            }
        }
    }

    /// Trims the line (and a byte order mark on line 1) and reports it unless it is blank.
    private static func emitLine(
        _ line: UnsafeRawBufferPointer, offset: Int64, number: Int, unterminated: Bool = false,
        visit: (ScanItem) throws -> Void
    ) throws {
        var start = 0
        var end = line.count
        if number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < end, isJSONSpace(line[start]) { start += 1 }
        while end > start, isJSONSpace(line[end - 1]) { end -= 1 }
        guard start < end else { return }
        let span = DocumentSpan(offset: offset + Int64(start), length: end - start,
                                location: RecordLocation(line: number), endsFileUnterminated: unterminated)
        try visit(.document(span, UnsafeRawBufferPointer(rebasing: line[start..<end])))
    }

    static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
