import Foundation

/// Writes a table to a uniquely named file in the temporary directory, runs `body` with its path,
/// and removes the file afterwards.
func withTemporaryTable<Result>(_ contents: String, _ body: (String) throws -> Result) throws -> Result {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("credeau-catalog-\(UUID().uuidString).tsv").path
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}
