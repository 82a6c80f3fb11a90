import Foundation
import Testing

/// Option handling of `credeau extract`: --users sources, output paths and repeated options.
@Suite struct ExtractOptionTests {
    private typealias Support = CLITestSupport
    private typealias Features = FeaturesTestSupport

    @Test func usersFromStandardInputSkipComments() throws {
        let ids = Data("# reviewed on Monday\ncu-1004\n\n  cu-1002  \n#cu-1001\n".utf8)
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-", "--users", "@/dev/stdin", "-q"],
                                                  stdin: ids)

        #expect(result.status == 0)
        #expect(Features.userIDs(try Features.rows(result.stdout)) == ["cu-1002", "cu-1004"])
        #expect(result.stderr.isEmpty)
    }

    @Test func usersFromNamedPipe() throws {
        let fifo = try Support.makeTemporaryDirectory().appendingPathComponent("ids").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening read-write keeps the pipe open without waiting for a reader, like <(…) does.
        let writer = try #require(FileHandle(forUpdatingAtPath: fifo))
        writer.write(Data("cu-1003\n".utf8))
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { try? writer.close() }
        let result = try Support.runInPackageRoot(["extract", "--sms", "-i", "fixtures/sync_db", "--users", "@" + fifo, "-q"])

        #expect(result.status == 0)
        #expect(!result.stdoutLines.isEmpty)
        #expect(result.stdoutLines.allSatisfy { $0.contains(#""user_id":"cu-1003""#) })
    }

    @Test(arguments: [["--sms"], []])
    func unknownUsersAreWarned(mode: [String]) throws {
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-", "-q",
                                                   "--users", "cu-1001,nobody,ghost"] + mode)

        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        #expect(result.stderrLines == ["Warning: no data for user ids given in --users: ghost, nobody"])
    }

    @Test(arguments: [["--sms"], []])
    func unknownClientIsWarned(mode: [String]) throws {
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-", "-q",
                                                   "--client-id", "lendwise_dmeo"] + mode)

        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines == ["Warning: no data for client id given in --client-id: lendwise_dmeo; "
            + "check it against the client_id of the input's documents"])
    }

    /// A known client gives no warning, and neither does an unknown one with --shard (the client may
    /// lie in another shard) or with --users (whose own warning names the ids).
    @Test(arguments: [("lendwise_demo", ["--sms"]), ("lendwise_demo", []), ("nope", ["--shard", "1/4"]),
                      ("nope", ["--users", "nobody"])])
    func knownClientOrNarrowingIsQuiet(client: String, extra: [String]) throws {
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-", "-q",
                                                   "--client-id", client] + extra)

        #expect(result.status == 0)
        #expect(!result.stderr.contains("--client-id"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("@/nonexistent/users.txt", "file '/nonexistent/users.txt' not found"),
        ("@/tmp", "file '/tmp' is a directory"),
    ])
    func unreadableUsersFileNamed(value: String, reason: String) throws {
        let result = try Support.runInPackageRoot(["extract", "--sms", "-i", "fixtures/sync_db", "-o", "-",
                                                   "--users", value])

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == "Error: Invalid value '\(value)' for '--users': \(reason)",
                "\(result.stderr)")
    }

    @Test(arguments: [
        ["extract", "-i", "fixtures/sync_db", "-o", "/dev/null"],
        ["extract", "-i", "fixtures/sync_db", "-o", "/dev/null", "--format", "sqlite"],
        ["extract", "--sms", "-i", "fixtures/sync_db", "-o", "/dev/null"],
        ["extract", "--sms", "-i", "fixtures/sync_db", "-o", "/dev/null", "--format", "csv"],
    ])
    func discardedOutputWorks(arguments: [String]) throws {
        let result = try Support.runInPackageRoot(arguments + ["-q"])

        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [
        (["extract", "--sms", "-i", "fixtures/sync_db", "-o", "out.txt"],
         "Error: Cannot tell the output format from 'out.txt': expected a name ending in .jsonl, .json, .ndjson, "
            + ".csv, .sqlite, .sqlite3 or .db, or pass --format jsonl, csv or sqlite"),
        (["extract", "-i", "fixtures/sync_db", "-o", "users"],
         "Error: Cannot tell the output format from 'users': expected a name ending in .jsonl, .json, .ndjson, "
            + ".csv, .sqlite, .sqlite3 or .db, or pass --format jsonl, csv or sqlite"),
        (["extract", "--sms", "-i", "fixtures/sync_db", "-i", "fixtures/mongodump"],
         "Error: Option '--input' is given more than once; pass it once"),
        (["extract", "-i", "fixtures/sync_db", "-o", "a.jsonl", "--output", "b.jsonl"],
         "Error: Option '--output' is given more than once; pass it once"),
        // A repeated flag is rejected like a repeated option.
        (["extract", "--sms", "--sms", "-i", "fixtures/sync_db", "-o", "/dev/null"],
         "Error: Option '--sms' is given more than once; pass it once"),
        (["extract", "--sms", "--strict", "--strict", "-i", "fixtures/sync_db", "-o", "/dev/null"],
         "Error: Option '--strict' is given more than once; pass it once"),
        (["extract", "-v", "--verbose", "-i", "fixtures/sync_db", "-o", "/dev/null"],
         "Error: Option '--verbose' is given more than once; pass it once"),
    ])
    func usageMistakesExitTwo(arguments: [String], message: String) throws {
        let result = try Support.runInPackageRoot(arguments)

        #expect(result.status == 2)
        #expect(result.stderrLines.first.map(String.init) == message)
        #expect(result.stdout.isEmpty)
    }

    @Test func arrayLineIsNotAnObject() throws {
        let folder = try Features.copyOfFixtureDump()
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("device_sync_request_apps_data.json"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"[{"client_id": "lendwise_demo", "user_id": "cu-1001"}]"#.utf8 + [0x0A]))
        try handle.close()

        let result = try Support.run(["extract", "-i", folder.path, "-o", "-"])

        #expect(result.status == 1)
        #expect(result.stderr.contains(": expected a JSON object, found an array; pass --keep-going"))
        #expect(!result.stderr.contains("missing"))
    }

    @Test func summaryUsesSingular() throws {
        let result = try Support.runInPackageRoot(["extract", "-i", "fixtures/sync_db", "-o", "-", "--users", "cu-1001"])

        #expect(result.stderrLines.last?.hasPrefix("Wrote 1 user, skipped 0 users and 0 documents in ") == true)
    }
}
