import CredeauKit
import Foundation

/// `credeau extract`: offline featurisation (the default) or SMS extraction (`--sms`) of `sync_db` data.
enum ExtractCommand {
    static let spec = CommandSpec(
        name: "extract",
        abstract: "Compute one row of features per user, or extract SMS transactions (--sms), offline.",
        usage: "credeau extract --input <DUMP_DIR|SQLITE|URL> [--output <PATH>] [options]\n"
            + "       credeau extract --sms --input <PATH> [--output <PATH>] [options]",
        discussion: """
            Without --sms, writes one row of features per user. The input is a mongoexport or mongodump dump folder,
            a SQLite file that 'credeau migrate --load' filled, a postgres:// URL or a mongodb:// URL of a sync_db.
            Rows come out in input order: a dump's users in the order they first appear, a database's users sorted by
            client and user id. A document or user that cannot be read stops the run, unless --keep-going is set.

            With --sms, writes one extracted entry per SMS. The input is a dump folder, the sms_sync_request_sms_data
            collection file (.json, .jsonl or .bson), JSON Lines or a JSON array of single SMS, or '-' for standard input.

            Set SCORE_MODELS_DIR (or the model path variables of docs/scores.md) to add the scores grouping.
            """,
        options: [
            .flag("sms", help: "Write extracted SMS entries instead of per-user features."),
            .value("input", short: "i", "PATH",
                   help: "Dump folder, SQLite file, postgres:// or mongodb:// URL; with --sms a dump folder, file or '-'."),
            .value("output", short: "o", "PATH", help: "Output file; '-' writes to standard output.", default: "-"),
            .value("format", "FORMAT", help: "Output format: jsonl, csv or sqlite (default: from the output extension, jsonl for '-')."),
            .value("cutoff-date", "DATE", help: "Features as of this IST date (YYYY-MM-DD or YYYYMMDD, the whole day), "
                   + "IST time (YYYY-MM-DD HH:MM:SS or YYYYMMDDHHMMSS) or ISO 8601 time (default: now)."),
            .value("groupings", "LIST", help: "Feature groupings: sms, extracted_sms, fraud, scores (default: all; scores when models are set)."),
            .value("users", "ID[,ID...]|@FILE", help: "Only these user ids (comma-separated, or one per line in FILE; may repeat).",
                   repeatable: true),
            .value("shard", "K/N", help: "Only part K of N (1 ≤ K ≤ N), split by a stable hash of client and user id."),
            .value("client-id", "ID", help: "Keep only this client's users (with --sms, also the client of documents without one)."),
            .value("workers", "N", help: "Threads that read and featurise users (or extract SMS).", default: "number of cores"),
            .flag("keep-going", help: "Skip documents and users that cannot be read, list them, and exit 1 at the end."),
            .flag("strict", help: "With --sms: exit with status 1 when any record was skipped."),
            .flag("quiet", short: "q", help: "Draw no progress bar and print no summary line."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        if let extra = arguments.positionals.first { throw UsageError.unexpectedArgument(extra) }
        let input = try arguments.required("input")
        let output = arguments.value("output") ?? "-"
        let format = try outputFormat(arguments, output: output)
        try OutputOverlapCheck.check(output: output, input: input)
        let workers = try arguments.integer("workers", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        let users = try userIDs(arguments)
        // An empty id matches no client, so it is a mistake rather than a filter.
        if let clientID = arguments.value("client-id"), clientID.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError.invalidValue(option: "client-id", value: clientID, reason: "expected a client id, such as acme")
        }
        if arguments.flag("sms") {
            for option in ["cutoff-date", "groupings", "shard"] where arguments.value(option) != nil {
                throw UsageError.conflictingOptions("sms", option)
            }
            if arguments.flag("keep-going") { throw UsageError.conflictingOptions("sms", "keep-going") }
            return try ExtractSMSMode.run(input: input, output: output, format: format, workers: workers,
                                          users: users, arguments: arguments, logger: logger)
        }
        if arguments.flag("strict") { throw SMSOnlyOption(name: "strict") }
        return try ExtractFeaturesMode.run(input: input, output: output, format: format, workers: workers,
                                           users: users, arguments: arguments, logger: logger)
    }

    private static func outputFormat(_ arguments: ParsedArguments, output: String) throws -> ExtractOutputFormat {
        guard let name = arguments.value("format") else {
            return try ExtractOutputFormat.inferred(fromPath: output)
        }
        guard let format = ExtractOutputFormat(name: name) else {
            throw UsageError.invalidValue(option: "format", value: name, reason: "expected jsonl, csv or sqlite")
        }
        return format
    }

    /// Writes a warning when `--client-id` matched no data, so a mistyped id does not pass for an empty client.
    static func warnAboutMissingClient(_ clientID: String?) {
        guard let clientID else { return }
        StandardStreams.writeError("Warning: no data for client id given in --client-id: \(clientID); "
                                   + "check it against the client_id of the input's documents\n")
    }

    /// Prints one warning line listing requested `--users` ids that the input has no data of.
    static func warnAboutMissingUsers(_ missing: [String]) {
        guard !missing.isEmpty else { return }
        let listed = missing.prefix(20).joined(separator: ", ")
        let more = missing.count > 20 ? " and \(missing.count - 20) more" : ""
        StandardStreams.writeError("Warning: no data for \(missing.count == 1 ? "user id" : "user ids") given in --users: "
                                   + "\(listed)\(more)\n")
    }

    /// Reads every `--users` value: ids separated by commas, or `@FILE` with one id per line, where
    /// blank lines and lines starting with `#` are skipped. Nil when the option is absent.
    private static func userIDs(_ arguments: ParsedArguments) throws -> [String]? {
        let values = arguments.allValues("users")
        guard !values.isEmpty else { return nil }
        var ids: [String] = []
        for value in values {
            if value.hasPrefix("@") {
                let path = String(value.dropFirst())
                // FileHandle reads to the end of pipes too (@/dev/stdin, @<(…)), which report no size.
                guard let handle = FileHandle(forReadingAtPath: path),
                      let data = try? handle.readToEnd() ?? Data(),
                      let text = String(data: data, encoding: .utf8)
                else {
                    throw UsageError.invalidValue(option: "users", value: value,
                                                  reason: "file '\(path)' \(UnreadableFile.reason(path: path))")
                }
                try? handle.close()
                ids += text.split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.hasPrefix("#") }
            } else {
                ids += value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        ids.removeAll { $0.isEmpty }
        guard !ids.isEmpty else {
            throw UsageError.invalidValue(option: "users", value: values.joined(separator: ","),
                                          reason: "expected one or more user ids separated by commas, or @FILE")
        }
        return ids
    }
}
