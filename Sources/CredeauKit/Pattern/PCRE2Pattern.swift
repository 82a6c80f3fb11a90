internal import CPCRE2

/// A regular expression compiled once by PCRE2 (8-bit code units) and JIT-compiled for matching
/// UTF-8 bytes.
///
/// The compiled code is read-only after `init`, so one instance may be shared by many threads.
/// Each thread brings its own `PCRE2MatchData`, which keeps the hot path free of allocation.
public final class PCRE2Pattern: @unchecked Sendable {
    /// Compile options a caller can request; `utf` is on by default.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Treat the pattern and subject as UTF-8 (`PCRE2_UTF`).
        public static let utf = Options(rawValue: PCRE2_UTF)
        /// Use Unicode properties for `\d`, `\w`, `\b` and case folding (`PCRE2_UCP`).
        public static let ucp = Options(rawValue: PCRE2_UCP)
        /// Match letters regardless of case (`PCRE2_CASELESS`).
        public static let caseless = Options(rawValue: PCRE2_CASELESS)
    }

    /// The pattern text as given to `init`.
    public let source: String
    /// Number of capture groups in the pattern, not counting group 0.
    public let captureCount: Int
    /// False when this PCRE2 build has no JIT; matching then runs the interpreter.
    public let isJITCompiled: Bool
    private let code: OpaquePointer
    private let matchOptions: UInt32

    /// Compiles `pattern`, then JIT-compiles it for complete matches.
    ///
    /// - Throws: `PCRE2Error.compileFailed` with the PCRE2 message and the byte offset of the error.
    public init(_ pattern: String, options: Options = [.utf]) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled: OpaquePointer? = pattern.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, bytes.count - 1, options.rawValue, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw .compileFailed(pattern: pattern, offset: errorOffset, message: PCRE2Error.message(for: errorCode))
        }
        var groups: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &groups)

        source = pattern
        code = compiled
        captureCount = Int(groups)
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        // Swift strings are always valid UTF-8, so the per-match validity scan can be skipped.
        matchOptions = options.contains(.utf) ? UInt32(PCRE2_NO_UTF_CHECK) : 0
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// Creates match data large enough for this pattern's capture groups.
    public func makeMatchData() -> PCRE2MatchData {
        PCRE2MatchData(groupCapacity: captureCount + 1)
    }

    /// Searches `bytes` from `startOffset` and stores the first match in `data`.
    ///
    /// `bytes` must be valid UTF-8 when the pattern was compiled with `.utf`, and `data` must
    /// have room for `captureCount + 1` groups. Returns false on no match, and also when PCRE2
    /// reports a matching error such as an exceeded match limit.
    public func match(_ bytes: UnsafeBufferPointer<UInt8>, from startOffset: Int = 0, into data: PCRE2MatchData) -> Bool {
        guard startOffset <= bytes.count, data.groupCapacity > captureCount else { return false }
        // An empty buffer may have a nil base address, which PCRE2 rejects even for length 0.
        let base = bytes.baseAddress ?? UnsafePointer(emptySubject)
        // pcre2_match_8 would hand a JIT-compiled pattern to pcre2_jit_match_8 after checks that
        // the guard above and the UTF-8 contract already cover, so the JIT entry is called directly.
        let result = isJITCompiled
            ? pcre2_jit_match_8(code, base, bytes.count, startOffset, matchOptions, data.pointer, nil)
            : pcre2_match_8(code, base, bytes.count, startOffset, matchOptions, data.pointer, nil)
        data.lastResult = result
        return result > 0
    }

    /// Finds the first match in `text`; convenient outside hot loops because it allocates.
    public func firstMatch(in text: String, from startOffset: Int = 0) -> PCRE2Match? {
        let data = makeMatchData()
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { bytes in
            guard match(bytes, from: startOffset, into: data), let whole = data.range(ofGroup: 0) else { return nil }
            let groups = (0...captureCount).map { data.range(ofGroup: $0) }
            return PCRE2Match(range: whole, groups: groups)
        }
    }
}

/// A one-byte subject for empty buffers; never written after start-up.
nonisolated(unsafe) private let emptySubject: UnsafeMutablePointer<UInt8> = {
    let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    byte.initialize(to: 0)
    return byte
}()

/// The byte ranges of one match: group 0 is the whole match, nil marks a group that did not take part.
public struct PCRE2Match: Sendable, Equatable {
    public var range: Range<Int>
    public var groups: [Range<Int>?]
}

/// A reusable PCRE2 match-data block; not thread-safe, so keep one per thread or per call.
public final class PCRE2MatchData {
    let pointer: OpaquePointer
    /// Number of groups (including group 0) this block can report.
    public let groupCapacity: Int
    fileprivate(set) var lastResult: Int32 = 0
    private let ovector: UnsafeMutablePointer<Int>

    public init(groupCapacity: Int) {
        let capacity = max(1, groupCapacity)
        guard let block = pcre2_match_data_create_8(UInt32(capacity), nil) else {
            // Allocation of a few hundred bytes failed; the process cannot continue meaningfully.
            preconditionFailure("PCRE2 could not allocate match data for \(capacity) groups")
        }
        pointer = block
        self.groupCapacity = capacity
        ovector = pcre2_get_ovector_pointer_8(block)
    }

    deinit {
        pcre2_match_data_free_8(pointer)
    }

    /// Byte range of `group` in the last successful match, or nil when the group did not take part.
    public func range(ofGroup group: Int) -> Range<Int>? {
        guard lastResult > 0, group >= 0, group < groupCapacity else { return nil }
        let start = ovector[2 * group]
        let end = ovector[2 * group + 1]
        if start == credeau_pcre2_unset() || end < start { return nil }
        return start..<end
    }
}

/// Failures while compiling a regular expression.
public enum PCRE2Error: CredeauError, Equatable {
    case compileFailed(pattern: String, offset: Int, message: String)

    public var description: String {
        switch self {
        case let .compileFailed(pattern, offset, message):
            return "Invalid regular expression '\(pattern)' at byte \(offset): \(message). Fix the pattern and reload."
        }
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(errorCode, $0.baseAddress, 256) }
        guard length > 0 else { return "PCRE2 error \(errorCode)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
