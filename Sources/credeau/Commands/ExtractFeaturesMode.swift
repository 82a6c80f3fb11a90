import CredeauKit
import Foundation

/// `credeau extract` without `--sms`: one row of features per user.
enum ExtractFeaturesMode {
    static func run(input: String, output: String, format: ExtractOutputFormat, workers: Int, users: [String]?,
                    arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        guard input != "-" else { throw BatchInputError.standardInput }
        var filter = BatchUserFilter(userIDs: users, clientID: arguments.value("client-id"))
        if let text = arguments.value("shard") {
            guard let shard = UserShard(text: text) else {
                throw UsageError.invalidValue(option: "shard", value: text,
                                              reason: "expected K/N with 1 ≤ K ≤ N, such as 1/4")
            }
            filter.shard = shard
        }
        let cutoffMillis = try arguments.value("cutoff-date").map(CutoffDate.millis(from:)) ?? CutoffDate.nowMillis()
        let scores = try ScoreModelLoader.load(environment: ProcessInfo.processInfo.environment, logger: logger)
        let columns = try FeatureColumns.parse(arguments.value("groupings"), scores: scores)
        let batchInput = try BatchInput(text: input)
        let keepGoing = arguments.flag("keep-going")
        let quiet = arguments.flag("quiet")

        let job = FeatureBatchJob(options: FeatureBatchJob.Options(
            input: batchInput, filter: filter, columns: columns, cutoffMillis: cutoffMillis, workers: workers,
            keepGoing: keepGoing))
        let writer = try FeatureOutput.makeWriter(path: output, format: format, names: columns.names)
        let progressBar = !quiet && StandardStreams.isTerminal(2) ? ProgressBar() : nil
        let summary = try job.run(
            writer: writer,
            progress: { progressBar?.update(usersDone: $0, total: $1) },
            problem: { problem in
                progressBar?.clear()
                StandardStreams.writeError("Skipped \(problem)\n")
            })
        progressBar?.clear()
        if !summary.skippedUsers.isEmpty {
            let listed = summary.skippedUsers.prefix(20).map { "\($0.clientID)/\($0.userID)" }.joined(separator: ", ")
            let more = summary.skippedUsers.count > 20 ? " and \(summary.skippedUsers.count - 20) more" : ""
            StandardStreams.writeError("Skipped users: \(listed)\(more)\n")
        }
        ExtractCommand.warnAboutMissingUsers(summary.missingUserIDs)
        ExtractCommand.warnAboutMissingClient(summary.missingClientID)
        for (collection, count) in summary.unlistedDocuments {
            StandardStreams.writeError("Warning: \(ExtractSMSSummary.counted(count, "document")) of MongoDB collection "
                                       + "'\(collection)' left out: client_id or user_id is missing, null, or not a "
                                       + "string, a whole number or an ObjectId. Fix those ids to include them\n")
        }
        if !quiet {
            StandardStreams.writeError(summary.line + "\n")
        }
        logger.debug("extract finished", [(LogKey.count, String(summary.written))])
        let skipped = summary.skippedUsers.count + summary.skippedDocuments
        return skipped > 0 ? ExitStatus.failure : ExitStatus.success
    }
}

/// An `--sms` option given without `--sms`.
struct SMSOnlyOption: CredeauError {
    var name: String

    var description: String {
        "Option '--\(name)' applies to --sms only; without --sms a problem stops the run unless --keep-going is set"
    }

    var exitCode: Int32 { ExitStatus.usage }
}
