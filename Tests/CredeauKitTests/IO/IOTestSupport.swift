import CredeauTestSupport
import Foundation
@testable import CredeauKit

/// Paths and helpers shared by the reader and writer tests.
enum IOTestSupport {
    /// The package root, found from this file's path so tests run from any working directory.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func fixture(_ relativePath: String) -> String {
        packageRoot + "/fixtures/" + relativePath
    }

    /// Creates a fresh empty folder under the system temporary folder and returns its path; the
    /// folder is removed when the test process exits.
    static func makeTemporaryFolder() throws -> String {
        try TemporaryFolders.make(prefix: "credeau-io-tests").path
    }

    /// Writes `contents` to a new file in a fresh temporary folder and returns its path.
    static func writeTemporaryFile(named name: String, _ contents: String) throws -> String {
        let path = try makeTemporaryFolder() + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Everything one read of `path` produced.
    struct ReadResult {
        var groups: [(key: UserKey, sms: [SyncedSMS])] = []
        var problems: [InputProblem] = []
        var counts = SMSReadCounts()

        var allSMS: [SyncedSMS] { groups.flatMap(\.sms) }
    }

    static func read(_ path: String, selection: SMSSelection = SMSSelection(), workers: Int = 1,
                     windowDocuments: Int = SMSDumpReader.windowDocuments) throws -> ReadResult {
        let reader = SMSDumpReader(source: try SMSInputSource(path: path), selection: selection, workers: workers,
                                   windowDocuments: windowDocuments)
        var result = ReadResult()
        try reader.read(progress: { _, _ in }, problem: { result.problems.append($0) }) { key, sms in
            result.groups.append((key, sms))
        }
        result.counts = reader.counts
        return result
    }
}

/// Collects written entries in memory.
final class CollectingWriter: ExtractedSMSWriter {
    var entries: [ExtractedSMS] = []
    var isFinished = false

    func write(_ entry: ExtractedSMS) throws {
        entries.append(entry)
    }

    func finish() throws {
        isFinished = true
    }
}
