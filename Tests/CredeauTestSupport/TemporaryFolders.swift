public import Foundation

/// Folders the tests create under the system temporary folder, each removed with its contents
/// when the test process exits. With `CREDEAU_TEST_KEEP_TEMP=1` they stay, and their paths are
/// printed, for a look after a failure.
///
/// They are removed at exit, not at the end of each test, because servers that a test starts may
/// still write into the folder until the test's own clean-up has stopped them.
public enum TemporaryFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var created: [String] = []
    private static let removalAtExit: Void = {
        atexit { TemporaryFolders.removeAll() }
    }()

    /// Creates `<system temporary folder>/<prefix>-<UUID>` and returns its URL.
    public static func make(prefix: String) throws -> URL {
        _ = removalAtExit
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        lock.withLock { created.append(url.path) }
        return url
    }

    /// Removes every folder made so far, or lists them when `CREDEAU_TEST_KEEP_TEMP` is set.
    static func removeAll() {
        let paths = lock.withLock {
            defer { created.removeAll() }
            return created
        }
        if let keep = ProcessInfo.processInfo.environment["CREDEAU_TEST_KEEP_TEMP"], !keep.isEmpty, keep != "0" {
            for path in paths { print("kept test folder \(path)") }
            return
        }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
