/// Renders `ScaleAdvice` as text for a terminal: a summary, the node table grouped by layer, the
/// calibrated arithmetic when there is any, the scale-up rule and notes.
public enum ScaleAdviceTableRenderer {
    public static func render(_ advice: ScaleAdvice) -> String {
        var lines = ["Sizing for \(NumberText.grouped(advice.dau)) daily active \(advice.dau == 1 ? "user" : "users")"]
        let usesLadder = advice.entries.contains { $0.source == .ladder }
        if usesLadder {
            lines.append("Published ladder: \(advice.ladderBasis.phrase).")
            // One clause per line keeps the rule readable in an 80-column terminal.
            let clauses = ScaleAdvice.ladderMethod.split(separator: "; ").map { String($0) }
            for (index, clause) in clauses.enumerated() {
                lines.append((index == 0 ? "" : "  ") + clause + (index < clauses.count - 1 ? ";" : ""))
            }
        }
        if let calibration = advice.calibration {
            lines.append("")
            lines += calibrationSummary(calibration)
        }

        lines.append("")
        lines += table(advice)

        for entry in advice.entries {
            guard let sizing = entry.calibration else { continue }
            lines.append("")
            lines.append("\(entry.component.title), calibrated:")
            for (number, step) in sizing.steps.enumerated() {
                let unit = step.unit == "nodes" && step.value == 1 ? "node" : step.unit
                lines.append("  \(number + 1). \(step.label) = \(step.expression) = \(NumberText.decimal(step.value)) \(unit)")
            }
            lines.append("  Range: \(sizing.range) \(sizing.range.upper == 1 ? "node" : "nodes")")
        }

        lines.append("")
        lines.append(advice.scaleUpRule.sentence)
        for note in advice.notes {
            lines.append("Note: \(note)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ advice: ScaleAdvice) -> [String] {
        let showSource = advice.model == .calibrated
        let titleWidth = max(20, (advice.entries.map(\.component.title.count).max() ?? 0) + 4)
        let nodesWidth = max(7, (advice.entries.map(\.range.description.count).max() ?? 0) + 2)
        let specificationWidth = 32
        var header = "COMPONENT".padded(to: titleWidth) + "NODES".padded(to: nodesWidth) + "NODE SPECIFICATION"
        if showSource { header = header.padded(to: titleWidth + nodesWidth + specificationWidth) + "SOURCE" }
        var lines = [header]

        var currentGroup: ScalingComponent.Group?
        for entry in advice.entries {
            if entry.component.group != currentGroup {
                currentGroup = entry.component.group
                lines.append(entry.component.group.title)
            }
            var line = ("  " + entry.component.title).padded(to: titleWidth) + entry.range.description.padded(to: nodesWidth)
                + entry.nodeSpecification.summary
            if showSource {
                line = line.padded(to: titleWidth + nodesWidth + specificationWidth) + entry.source.rawValue
            }
            lines.append(line)
        }
        return lines
    }

    private static func calibrationSummary(_ calibration: ScaleAdvice.Calibration) -> [String] {
        let figures = calibration.figures
        let rate = NumberText.decimal(figures.extractionSMSPerSecondPerCore)
        var origin: String
        switch figures.origin {
        case let .benchmark(smsCount, seconds):
            origin = "measured just now: \(NumberText.grouped(smsCount)) synthetic SMS in \(NumberText.decimal(seconds)) s on one core"
        case let .file(path):
            origin = "from figure file '\(path)'"
        case .given:
            origin = "given"
        }
        let featurize = figures.featurizeMillisecondsPerUser.map { "\(NumberText.decimal($0)) ms of CPU per user" }
            ?? "not in the figure file"
        // The end-to-end request rate sizes the Insights API when the figures have one.
        let insights = figures.insightsRequestsPerSecondPerCore.map {
            "  Insights API: \(NumberText.decimal($0)) requests per core-second, end to end (used instead of featurisation)"
        }
        let parameters = calibration.parameters
        return [
            "Calibrated model (CPU only, from this build's throughput):",
            "  Extraction: \(rate) SMS per core-second (\(origin))",
            "  Featurisation: \(featurize)",
        ] + (insights.map { [$0] } ?? []) + [
            "  Assumptions: \(NumberText.grouped(parameters.smsPerUser)) SMS per user, "
                + "peak factor \(NumberText.decimal(parameters.peakFactor)) of the day's users in the busiest hour, "
                + "\(NumberText.decimal(parameters.cpuTarget * 100)) % CPU target, \(parameters.coresPerNode) cores per node",
        ]
    }
}

private extension String {
    /// Pads the string with spaces to `width` characters, or appends one space when it is already as wide.
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
