/// Renders `ScaleAdvice` as the `credeau.scale-advise/v1` JSON document described in docs/scaling.md.
///
/// Version 1 only gains keys in later releases; a change that removes or retypes a key gets a new
/// schema version.
public enum ScaleAdviceJSONRenderer {
    public static let schema = "credeau.scale-advise/v1"

    /// Renders the JSON document, with a trailing newline.
    public static func render(_ advice: ScaleAdvice) -> String {
        document(advice).rendered() + "\n"
    }

    static func document(_ advice: ScaleAdvice) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("credeau_version", .string(CredeauVersion.current)),
            ("dau", .int(advice.dau)),
            ("model", .string(advice.model.rawValue)),
            ("ladder", ladder(advice.ladderBasis)),
            ("extrapolated", .bool(advice.isExtrapolated)),
            ("scale_up_rule", .object([
                ("cpu_percent", .int(advice.scaleUpRule.cpuPercent)),
                ("ram_percent", .int(advice.scaleUpRule.ramPercent)),
                ("sustained_seconds", .int(advice.scaleUpRule.sustainedSeconds)),
            ])),
            ("components", .array(advice.entries.map(component))),
            ("calibration", advice.calibration.map(calibration) ?? .null),
            ("notes", .array(advice.notes.map(JSONValue.string))),
        ])
    }

    private static func ladder(_ basis: SizingLadder.Basis) -> JSONValue {
        let rungs: [Int]
        switch basis {
        case let .rung(dau): rungs = [dau]
        case let .interpolated(lower, upper), let .extrapolated(lower, upper): rungs = [lower, upper]
        case let .belowFirstRung(first): rungs = [first]
        }
        return .object([
            ("basis", .string(basis.kind)),
            ("rungs_used", .array(rungs.map(JSONValue.int))),
            ("method", .string(ScaleAdvice.ladderMethod)),
        ])
    }

    private static func component(_ entry: ScaleAdvice.Entry) -> JSONValue {
        let node = entry.nodeSpecification
        let steps: JSONValue = entry.calibration.map { sizing in
            .array(sizing.steps.map { step in
                .object([
                    ("label", .string(step.label)),
                    ("expression", .string(step.expression)),
                    ("value", .double(step.value)),
                    ("unit", .string(step.unit)),
                ])
            })
        } ?? .null
        return .object([
            ("name", .string(entry.component.rawValue)),
            ("title", .string(entry.component.title)),
            ("group", .string(entry.component.group.rawValue)),
            ("min_nodes", .int(entry.range.lower)),
            ("max_nodes", .int(entry.range.upper)),
            ("source", .string(entry.source.rawValue)),
            ("node", .object([("vcpu", .int(node.vcpu)), ("ram_gb", .int(node.ramGB)), ("disk_gb", .optional(node.diskGB))])),
            ("steps", steps),
        ])
    }

    private static func calibration(_ calibration: ScaleAdvice.Calibration) -> JSONValue {
        let figures = calibration.figures
        var origin = "given", path: String?, benchmarkSMS: Int?, benchmarkSeconds: Double?
        switch figures.origin {
        case let .benchmark(smsCount, seconds):
            origin = "benchmark"
            benchmarkSMS = smsCount
            benchmarkSeconds = seconds
        case let .file(filePath):
            origin = "file"
            path = filePath
        case .given:
            break
        }
        let parameters = calibration.parameters
        return .object([
            ("figures", .object([
                (ThroughputFigures.Key.extraction, .double(figures.extractionSMSPerSecondPerCore)),
                (ThroughputFigures.Key.featurize, .optional(figures.featurizeMillisecondsPerUser)),
                (ThroughputFigures.Key.insights, .optional(figures.insightsRequestsPerSecondPerCore)),
                ("origin", .string(origin)),
                ("path", .optional(path)),
                ("benchmark_sms", .optional(benchmarkSMS)),
                ("benchmark_seconds", .optional(benchmarkSeconds)),
            ])),
            ("parameters", .object([
                ("sms_per_user", .int(parameters.smsPerUser)),
                ("peak_factor", .double(parameters.peakFactor)),
                ("cores_per_node", .int(parameters.coresPerNode)),
                ("cpu_target", .double(parameters.cpuTarget)),
            ])),
        ])
    }
}
