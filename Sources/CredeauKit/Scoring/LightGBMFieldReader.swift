#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Typed reads of the `key=value` fields of a model header or of one tree, with errors that
/// name the file, the line and the field.
struct LightGBMFieldReader {
    let fields: [Substring: LightGBMModelText.Field]
    let file: String
    /// The source of the fields, for messages: "the header" or "tree 12".
    let place: String
    /// The line blamed when a required field is absent: the tree's `Tree=` line, or nil.
    let blockLine: Int?

    func contains(_ key: String) -> Bool { fields[Substring(key)] != nil }

    func text(_ key: String) throws(ScoreModelError) -> Substring {
        guard let field = fields[Substring(key)] else {
            throw .invalidModel(file: file, line: blockLine, reason: "\(place) has no '\(key)' field")
        }
        return field.value
    }

    func integer(_ key: String) throws(ScoreModelError) -> Int {
        let values = try integers(key, count: 1, range: Int64(Int32.min)...Int64(Int32.max))
        return values[0]
    }

    /// Reads exactly `count` space-separated doubles, parsed with `strtod` so that the
    /// 17-digit values LightGBM writes come back bit for bit.
    func doubles(_ key: String, count: Int) throws(ScoreModelError) -> [Double] {
        if count == 0, !contains(key) { return [] }
        let field = try lookUp(key)
        guard let values = NumberScanner.doubles(field.value) else {
            throw .invalidModel(file: file, line: field.line, reason: "\(place) field '\(key)' contains a value that is not a number")
        }
        try check(values.count, expected: count, key: key, line: field.line)
        return values
    }

    /// Reads exactly `count` space-separated integers within `range`.
    func integers(_ key: String, count: Int, range: ClosedRange<Int64>) throws(ScoreModelError) -> [Int] {
        if count == 0, !contains(key) { return [] }
        let field = try lookUp(key)
        guard let values = NumberScanner.integers(field.value) else {
            throw .invalidModel(file: file, line: field.line, reason: "\(place) field '\(key)' contains a value that is not an integer")
        }
        try check(values.count, expected: count, key: key, line: field.line)
        if let bad = values.first(where: { !range.contains($0) }) {
            throw .invalidModel(
                file: file, line: field.line,
                reason: "\(place) field '\(key)' contains \(bad), outside \(range.lowerBound)...\(range.upperBound)")
        }
        return values.map { Int($0) }
    }

    func fail(_ key: String, _ reason: String) -> ScoreModelError {
        .invalidModel(file: file, line: fields[Substring(key)]?.line ?? blockLine, reason: "\(place): \(reason)")
    }

    private func lookUp(_ key: String) throws(ScoreModelError) -> LightGBMModelText.Field {
        guard let field = fields[Substring(key)] else {
            throw .invalidModel(file: file, line: blockLine, reason: "\(place) has no '\(key)' field")
        }
        return field
    }

    private func check(_ found: Int, expected: Int, key: String, line: Int) throws(ScoreModelError) {
        guard found == expected else {
            throw .invalidModel(file: file, line: line, reason: "\(place) field '\(key)' has \(found) values, expected \(expected)")
        }
    }
}

/// Splits a line of space-separated numbers with the C library's parsers.
enum NumberScanner {
    static func doubles(_ text: Substring) -> [Double]? {
        scan(text) { start, end in strtod(start, end) }
    }

    static func integers(_ text: Substring) -> [Int64]? {
        scan(text) { start, end in
            errno = 0
            let value = strtoll(start, end, 10)
            return errno == ERANGE ? nil : Int64(value)
        }
    }

    /// Calls `parse` on each token; nil when a token is not entirely a number.
    private static func scan<T>(
        _ text: Substring,
        _ parse: (UnsafePointer<CChar>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> T?
    ) -> [T]? {
        String(text).withCString { start -> [T]? in
            var values: [T] = []
            var cursor = start
            while true {
                while cursor.pointee == 0x20 { cursor += 1 }
                if cursor.pointee == 0 { return values }
                var end: UnsafeMutablePointer<CChar>?
                guard let value = parse(cursor, &end), let end, UnsafePointer(end) != cursor,
                      end.pointee == 0x20 || end.pointee == 0
                else { return nil }
                values.append(value)
                cursor = UnsafePointer(end)
            }
        }
    }
}
