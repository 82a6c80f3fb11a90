import CredeauKit

/// `credeau scale-advise`: node counts per service from daily active users.
///
/// Parses and checks options, then hands the work to `ScaleAdvisor` and the renderers in CredeauKit.
enum ScaleAdviseCommand {
    static let formats = ["table", "json", "csv", "k8s"]

    static let spec = CommandSpec(
        name: "scale-advise",
        abstract: "Recommend node counts per service from daily active users.",
        usage: "credeau scale-advise --dau <USERS> [--component <NAME>] [--format <FORMAT>] [--calibrate [options]]",
        discussion: """
            Sizes each component from the published ladder (25K, 50K, 75K and 100K DAU). Between rungs each
            bound is interpolated linearly and rounded up; below 25K the 25K rung applies; past 100K each bound
            follows the 75K-100K slope and the output says it is extrapolated.

            Components: insights-api, sms-extraction-api, postgres, mongodb, producer, sms-consumer,
            events-consumer, common-consumer, kafka-brokers. Groups: services, databases, pipeline.

            With --calibrate, the Insights API and SMS Extraction API are sized from this build's measured
            CPU throughput instead (a benchmark of about two seconds, or --figures), and the arithmetic is printed.
            See docs/scaling.md and 'man credeau-scale-advise' for the model and the JSON schema.
            """,
        options: [
            .value("dau", "USERS", help: "Daily active users, e.g. 80000, 80K, 1.2M, 80_000 or 80,000 (1 to 1,000,000,000)."),
            .value("component", short: "c", "NAME",
                   help: "Limit output to these components or groups; repeat or give a comma list.", repeatable: true),
            .value("format", short: "f", "FORMAT", help: "Output format: table, json, csv or k8s (Kubernetes manifests).",
                   default: "table"),
            .flag("calibrate", help: "Size the two services from measured throughput instead of the published ladder."),
            .value("figures", "PATH", help: "Read throughput from this figure file (JSON from 'make bench') instead of measuring; implies --calibrate."),
            .value("sms-per-user", "COUNT", help: "With --calibrate: SMS extracted per daily active user.", default: "3000"),
            .value("peak-factor", "FRACTION",
                   help: "With --calibrate: share of the day's users in the busiest hour, from 0.0417 (flat) to 1.", default: "0.15"),
            .value("cores-per-node", "COUNT", help: "With --calibrate: CPU cores of one node.", default: "4"),
            .value("image", "IMAGE", help: "With --format k8s: container image of the services.",
                   default: KubernetesManifestRenderer.defaultImage()),
        ])

    static func run(_ arguments: ParsedArguments, logger: Logger) throws -> Int32 {
        if let extra = arguments.positionals.first { throw UsageError.unexpectedArgument(extra) }
        let dauText = try arguments.required("dau")
        let dau = try usage("dau", dauText, DailyActiveUsers.parse)
        let components = try components(arguments.allValues("component"))
        let format = arguments.value("format") ?? "table"
        guard formats.contains(format) else {
            throw UsageError.invalidValue(option: "format", value: format, reason: "expected table, json, csv or k8s")
        }
        let image = arguments.value("image") ?? KubernetesManifestRenderer.defaultImage()
        if arguments.value("image") != nil && format != "k8s" {
            throw UsageError.invalidValue(option: "image", value: image, reason: "applies only with '--format k8s'")
        }
        guard !image.isEmpty, !image.contains(where: { $0.isWhitespace || $0 == "\"" }) else {
            throw UsageError.invalidValue(option: "image", value: image, reason: "expected an image reference such as 'credeau:0.1.0'")
        }

        let calibration = try calibration(arguments, logger: logger)
        let advice = ScaleAdvisor.advise(dau: dau, components: components, calibration: calibration)
        logger.debug("Sized components", [(LogKey.count, String(advice.entries.count))])

        switch format {
        case "json":
            StandardStreams.writeOutput(ScaleAdviceJSONRenderer.render(advice))
        case "csv":
            StandardStreams.writeOutput(ScaleAdviceCSVRenderer.render(advice))
        case "k8s":
            guard let manifests = try KubernetesManifestRenderer.render(advice, image: image) else {
                throw UsageError.invalidValue(
                    option: "component", value: components.map(\.rawValue).joined(separator: ","),
                    reason: "'--format k8s' writes manifests for insights-api and sms-extraction-api; select at least one")
            }
            StandardStreams.writeOutput(manifests)
        default:
            StandardStreams.writeOutput(ScaleAdviceTableRenderer.render(advice))
        }
        return ExitStatus.success
    }

    private static func components(_ values: [String]) throws -> [ScalingComponent] {
        do {
            return try ScalingComponent.parseSelection(values)
        } catch {
            guard case let .unknownComponent(name) = error else { throw error }
            throw UsageError.invalidValue(
                option: "component", value: name,
                reason: "expected one of \(ScalingComponent.acceptedNames.joined(separator: ", "))")
        }
    }

    /// Returns the calibrated model's inputs, or nil when neither --calibrate nor --figures is given.
    private static func calibration(_ arguments: ParsedArguments, logger: Logger) throws -> ScaleAdvice.Calibration? {
        let calibrationOptions = ["sms-per-user", "peak-factor", "cores-per-node"]
        guard arguments.flag("calibrate") || arguments.value("figures") != nil else {
            if let name = calibrationOptions.first(where: { arguments.value($0) != nil }), let value = arguments.value(name) {
                throw UsageError.invalidValue(option: name, value: value, reason: "applies only with --calibrate")
            }
            return nil
        }

        var parameters = CalibrationParameters()
        if let text = arguments.value("sms-per-user") {
            parameters.smsPerUser = try usage("sms-per-user", text, CalibrationParameters.parseSMSPerUser)
        }
        if let text = arguments.value("peak-factor") {
            parameters.peakFactor = try usage("peak-factor", text, CalibrationParameters.parsePeakFactor)
        }
        if let text = arguments.value("cores-per-node") {
            parameters.coresPerNode = try usage("cores-per-node", text, CalibrationParameters.parseCoresPerNode)
        }

        let figures: ThroughputFigures
        if let path = arguments.value("figures") {
            // Figure-file errors keep their own exit codes: 1 when unreadable, 2 when the content is invalid.
            figures = try ThroughputFigures.load(path: path)
        } else {
            logger.info("Measuring extraction and featurisation on one core for about two seconds")
            figures = ExtractionBenchmark.measure(smsPerUser: parameters.smsPerUser)
        }
        return ScaleAdvice.Calibration(figures: figures, parameters: parameters)
    }

    /// Runs `parse` on `text`, turning a `ScalingError` into a usage error for `--option`, so that the CLI
    /// prints the usage line with it.
    private static func usage<T>(
        _ option: String, _ text: String, _ parse: (String) throws(ScalingError) -> T
    ) throws -> T {
        do {
            return try parse(text)
        } catch {
            let reason: String
            switch error {
            case let .invalidDAU(_, detail), let .invalidParameter(_, _, detail): reason = detail
            default: reason = error.description
            }
            throw UsageError.invalidValue(option: option, value: text, reason: reason)
        }
    }
}
