import CredeauKit

/// `credeau extract --sms`: one extracted entry per SMS.
enum ExtractSMSMode {
    static func run(input: String, output: String, format: ExtractOutputFormat, workers: Int, users: [String]?,
                    arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        let selection = SMSSelection(userIDs: users, clientID: arguments.value("client-id"))
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
        ExtractCommand.warnAboutMissingUsers(summary.missingUserIDs)
        ExtractCommand.warnAboutMissingClient(summary.missingClientID)
        if !quiet {
            StandardStreams.writeError(summary.line + "\n")
        }
        logger.debug("extract finished", [(LogKey.count, String(summary.extracted))])

        // After a place where the file stopped being split into documents nothing was read, so
        // any number of SMS may be missing.
        if summary.counts.unreadableParts > 0 {
            StandardStreams.writeError("Error: '\(job.inputFileName)' was not read to its end (see the Skipped line above), so the "
                + "output lacks the SMS after that point. Repair or export the input again.\n")
            return ExitStatus.failure
        }
        if arguments.flag("strict") && summary.skipped > 0 {
            StandardStreams.writeError("Error: \(summary.skipped) records were skipped and --strict is set\n")
            return ExitStatus.failure
        }
        return ExitStatus.success
    }
}
