import CredeauKit

/// `credeau extract`: offline extraction and featurisation of dumped `sync_db` data.
enum ExtractCommand {
    static let spec = CommandSpec(
        name: "extract",
        abstract: "Extract SMS transactions (--sms) or features from a sync_db dump, offline.",
        usage: "credeau extract [--sms] --input <PATH> [--output <PATH>] [options]",
        discussion: """
            With --sms, writes one extracted entry per SMS. Without it, writes one row of features per user.

            The input is a mongoexport or mongodump dump folder, the sms_sync_request_sms_data collection file
            (.json or .bson), JSON Lines or a JSON array of single SMS, or '-' for standard input. Each user's
            entries are written together, and SMS that later syncs send again are written once.
            """,
        options: [
            .flag("sms", help: "Write extracted SMS entries instead of per-user features."),
            .value("input", short: "i", "PATH", help: "Input file or dump folder; '-' reads standard input."),
            .value("output", short: "o", "PATH", help: "Output file; '-' writes to standard output.", default: "-"),
            .value("format", "FORMAT", help: "Output format: jsonl, csv or sqlite (default: from the output extension, jsonl for '-')."),
            .flag("strict", help: "Exit with status 1 when any record was skipped."),
            .value("users", "ID[,ID...]", help: "Extract only these user ids (comma-separated; may repeat).", repeatable: true),
            .value("client-id", "ID", help: "Keep only this client's documents, and use it for documents without a client id."),
            .value("workers", "N", help: "Threads that run the extractor.", default: "1"),
            .flag("quiet", short: "q", help: "Draw no progress bar and print no summary line."),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        if let extra = arguments.positionals.first { throw UsageError.unexpectedArgument(extra) }
        guard arguments.flag("sms") else { throw FeaturesNotBuilt() }

        let input = try arguments.required("input")
        let output = arguments.value("output") ?? "-"
        let format = try outputFormat(arguments, output: output)
        let workers = try arguments.integer("workers", in: 1...64) ?? 1
        var selection = SMSSelection(clientID: arguments.value("client-id"))
        let users = arguments.allValues("users").flatMap { $0.split(separator: ",") }
            .map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        if arguments.value("users") != nil {
            guard !users.isEmpty else {
                throw UsageError.invalidValue(option: "users", value: arguments.value("users") ?? "",
                                              reason: "expected one or more user ids separated by commas")
            }
            selection.userIDs = Set(users)
        }
        let quiet = arguments.flag("quiet")

        // The input is opened first, so a missing input leaves no empty output file behind.
        let job = try ExtractSMSJob(options: ExtractSMSJob.Options(inputPath: input, selection: selection, workers: workers))
        let writer = try ExtractOutput.makeWriter(path: output, format: format)
        let progressBar = !quiet && StandardStreams.isTerminal(2) ? ProgressBar() : nil
        let summary = try job.run(
            writer: writer,
            progress: { progressBar?.update($0) },
            problem: { problem in
                progressBar?.clear()
                StandardStreams.writeError("Skipped \(problem)\n")
            })
        progressBar?.clear()
        if !quiet {
            StandardStreams.writeError(summary.line + "\n")
        }
        logger.debug("extract finished", [(LogKey.count, String(summary.extracted))])

        if arguments.flag("strict") && summary.skipped > 0 {
            StandardStreams.writeError("Error: \(summary.skipped) records were skipped and --strict is set\n")
            return ExitStatus.failure
        }
        return ExitStatus.success
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
}

/// Raised for `credeau extract` without `--sms`: per-user features are not built yet.
struct FeaturesNotBuilt: CredeauError {
    var description: String {
        "Feature extraction ('credeau extract' without --sms) is not available in this build yet; pass --sms to extract SMS"
    }

    var exitCode: Int32 { ExitStatus.usage }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
