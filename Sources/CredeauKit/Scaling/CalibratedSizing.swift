import Foundation

/// Node counts for the two services from measured throughput instead of the published ladder.
///
/// The model charges each daily active user one insights request: the SMS Extraction API
/// classifies the user's `smsPerUser` SMS and the Insights API computes the user's features.
/// CPU work per user, times users per second, gives busy cores. Dividing by the CPU target
/// (50 %) and the cores per node, and rounding up, gives nodes. The upper bound uses the busiest
/// hour (`peakFactor` of the day's users); the lower bound uses an average hour (1/24 of them).
/// Only CPU is modelled: database reads, network transfer and memory are not.
public enum CalibratedSizing {
    /// Sizes `component`, or returns nil when the figures lack what it needs: the Insights API
    /// needs a featurisation figure, and only the two services can be calibrated.
    public static func size(
        _ component: ScalingComponent, dau: Int, figures: ThroughputFigures, parameters: CalibrationParameters
    ) -> CalibratedServiceSizing? {
        let workStep: CalculationStep
        switch component {
        case .smsExtractionAPI:
            let rate = figures.extractionSMSPerSecondPerCore
            workStep = CalculationStep(
                label: "CPU seconds per user",
                expression: "\(NumberText.grouped(parameters.smsPerUser)) SMS / \(NumberText.decimal(rate)) SMS per core-second",
                value: Double(parameters.smsPerUser) / rate, unit: "core-s")
        case .insightsAPI:
            // A measured end-to-end request rate includes reading, storing and responding, so it
            // is preferred over the feature engine's time alone.
            if let rate = figures.insightsRequestsPerSecondPerCore {
                workStep = CalculationStep(
                    label: "CPU seconds per user", expression: "1 / \(NumberText.decimal(rate)) requests per core-second",
                    value: 1 / rate, unit: "core-s")
                break
            }
            guard let milliseconds = figures.featurizeMillisecondsPerUser else { return nil }
            workStep = CalculationStep(
                label: "CPU seconds per user", expression: "\(NumberText.decimal(milliseconds)) ms / 1,000",
                value: milliseconds / 1_000, unit: "core-s")
        default:
            return nil
        }
        return size(component, dau: dau, workPerUser: workStep, parameters: parameters)
    }

    private static func size(
        _ component: ScalingComponent, dau: Int, workPerUser: CalculationStep, parameters: CalibrationParameters
    ) -> CalibratedServiceSizing {
        let dauText = NumberText.grouped(dau)
        let target = parameters.cpuTarget
        let targetText = "CPU target"
        let coresText = "\(parameters.coresPerNode) cores per node"
        var steps: [CalculationStep] = []

        let peakUsers = Double(dau) * parameters.peakFactor
        steps.append(CalculationStep(
            label: "Users in the busiest hour", expression: "\(dauText) DAU × \(NumberText.decimal(parameters.peakFactor)) peak factor",
            value: peakUsers, unit: "users"))
        let peakRate = peakUsers / 3_600
        steps.append(CalculationStep(
            label: "Users per second at peak", expression: "\(NumberText.decimal(peakUsers)) / 3,600 s",
            value: peakRate, unit: "users/s"))
        steps.append(workPerUser)
        let peakCores = peakRate * workPerUser.value
        steps.append(CalculationStep(
            label: "Busy cores at peak",
            expression: "\(NumberText.decimal(peakRate)) users/s × \(NumberText.decimal(workPerUser.value)) core-s",
            value: peakCores, unit: "cores"))
        let peakNodes = nodes(busyCores: peakCores, parameters: parameters)
        steps.append(CalculationStep(
            label: "Nodes at peak (upper bound)",
            expression: "ceil(\(NumberText.decimal(peakCores)) cores / \(NumberText.decimal(target)) \(targetText) / \(coresText)), at least 1",
            value: Double(peakNodes), unit: "nodes"))

        let averageRate = Double(dau) / 86_400
        steps.append(CalculationStep(
            label: "Users per second in an average hour", expression: "\(dauText) / 86,400 s",
            value: averageRate, unit: "users/s"))
        let averageCores = averageRate * workPerUser.value
        steps.append(CalculationStep(
            label: "Busy cores in an average hour",
            expression: "\(NumberText.decimal(averageRate)) users/s × \(NumberText.decimal(workPerUser.value)) core-s",
            value: averageCores, unit: "cores"))
        let averageNodes = min(peakNodes, nodes(busyCores: averageCores, parameters: parameters))
        steps.append(CalculationStep(
            label: "Nodes in an average hour (lower bound)",
            expression: "ceil(\(NumberText.decimal(averageCores)) cores / \(NumberText.decimal(target)) \(targetText) / \(coresText)), at least 1",
            value: Double(averageNodes), unit: "nodes"))

        var node = component.nodeSpecification
        node.vcpu = parameters.coresPerNode
        return CalibratedServiceSizing(component: component, steps: steps, range: NodeRange(averageNodes, peakNodes), node: node)
    }

    /// Nodes that keep `busyCores` of work at the CPU target, rounded up, at least 1.
    static func nodes(busyCores: Double, parameters: CalibrationParameters) -> Int {
        let exact = busyCores / parameters.cpuTarget / Double(parameters.coresPerNode)
        // Shave off floating-point residue so that an exact 2.0 computed as 2.000000001 stays 2.
        let rounded = (exact - 1e-9).rounded(.up)
        guard rounded.isFinite, rounded < Double(Int.max / 2) else { return Int.max / 2 }
        return max(1, Int(rounded))
    }
}

/// The calibrated node range of one service and the steps that produced it.
public struct CalibratedServiceSizing: Sendable, Equatable {
    public var component: ScalingComponent
    public var steps: [CalculationStep]
    public var range: NodeRange
    /// The node the range counts: the component's node with `coresPerNode` virtual CPUs.
    public var node: NodeSpecification
}

/// One line of the calibrated arithmetic, printed so an operator can redo it by hand.
public struct CalculationStep: Sendable, Equatable {
    public var label: String
    /// The operation with its operands, such as `80,000 DAU × 0.15 peak factor`.
    public var expression: String
    public var value: Double
    public var unit: String
}
