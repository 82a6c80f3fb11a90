/// Builds `ScaleAdvice` from a DAU figure, a component selection and, for the calibrated model,
/// throughput figures.
public enum ScaleAdvisor {
    /// Sizes `components` for `dau` users from the ladder, or from `calibration` where it covers a
    /// component. Calibration covers only the two services, so every other component keeps its ladder range.
    public static func advise(
        dau: Int, components: [ScalingComponent] = ScalingComponent.allCases,
        ladder: SizingLadder = .published, calibration: ScaleAdvice.Calibration? = nil
    ) -> ScaleAdvice {
        let basis = ladder.basis(forDAU: dau)
        var entries: [ScaleAdvice.Entry] = []
        var notes: [String] = []

        for component in components {
            if let calibration, let sizing = CalibratedSizing.size(
                component, dau: dau, figures: calibration.figures, parameters: calibration.parameters)
            {
                entries.append(.init(component: component, range: sizing.range, source: .calibrated, calibration: sizing))
            } else {
                entries.append(.init(component: component, range: ladder.range(for: component, dau: dau), source: .ladder))
            }
        }

        if let calibration {
            let ladderSized = entries.filter { $0.source == .ladder }.map(\.component)
            if components.contains(.insightsAPI) && calibration.figures.featurizeMillisecondsPerUser == nil
                && calibration.figures.insightsRequestsPerSecondPerCore == nil {
                notes.append("The figures carry no featurisation cost, so the Insights API keeps its published-ladder range.")
            }
            if !ladderSized.isEmpty {
                notes.append("Sized from the published ladder: " + ladderSized.map(\.title).joined(separator: ", ") + ".")
            }
            if entries.contains(where: { $0.source == .calibrated }) {
                notes.append("Calibrated ranges count CPU only, without database reads, network or memory; "
                    + "compare them with the published ladder before cutting capacity.")
            }
        }
        let usesLadder = entries.contains { $0.source == .ladder }
        if usesLadder, case let .extrapolated(from, to) = basis {
            notes.append("\(NumberText.grouped(dau)) DAU is past the last published rung (\(SizingLadder.Basis.short(to))); "
                + "ranges follow the \(SizingLadder.Basis.short(from))-\(SizingLadder.Basis.short(to)) slope and are estimates.")
        }
        if usesLadder, case let .belowFirstRung(first) = basis {
            notes.append("\(NumberText.grouped(dau)) DAU is below the first published rung; the \(SizingLadder.Basis.short(first)) ranges apply.")
        }

        return ScaleAdvice(
            dau: dau, model: calibration == nil ? .publishedLadder : .calibrated, ladderBasis: basis, entries: entries,
            calibration: calibration, scaleUpRule: .standard, notes: notes)
    }
}
