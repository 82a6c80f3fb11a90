import Foundation

/// The transform from raw tree sums to predictions, chosen by the model's `objective=` line
/// (for example `binary sigmoid:1`, `regression sqrt`, `multiclass num_class:3`).
///
/// Each case repeats the arithmetic of the objective's `ConvertOutput` in LightGBM's
/// src/objective sources, in the same order, so results match `Booster.predict` bit for bit
/// on the same C library.
enum LightGBMObjective: Sendable, Equatable {
    /// Raw scores: the L2, L1, Huber, Fair, quantile and MAPE regressions, and a model saved
    /// without an objective line (trained with a custom objective function).
    case identity
    /// `sign(x) * x * x`, for regressions trained with `reg_sqrt=true`.
    case signedSquare
    /// `1 / (1 + exp(-sigmoid * x))`: binary classification and cross-entropy.
    case sigmoid(Double)
    /// `exp(x)`: Poisson, gamma and Tweedie regression.
    case exponential
    /// `log(1 + exp(x))`: `cross_entropy_lambda`.
    case softplus
    /// Softmax over the classes: `multiclass`.
    case softmax
    /// One sigmoid per class: `multiclassova`.
    case sigmoidPerClass(Double)

    private static let identityNames: Set<Substring> = ["regression", "regression_l1", "huber", "fair", "quantile", "mape"]
    private static let exponentialNames: Set<Substring> = ["poisson", "gamma", "tweedie"]

    /// Parses the objective line; `line` is nil when the model has none.
    init(line: LightGBMModelText.Field?, classCount: Int, file: String) throws(ScoreModelError) {
        guard let line else {
            self = .identity
            return
        }
        let words = line.value.split(separator: " ")
        guard let name = words.first else { throw .invalidModel(file: file, line: line.line, reason: "the objective is empty") }
        var options: [Substring: Substring] = [:]
        for word in words.dropFirst() {
            let parts = word.split(separator: ":", maxSplits: 1)
            options[parts[0]] = parts.count == 2 ? parts[1] : ""
        }
        let sigmoid = try Self.sigmoidParameter(options, line: line, file: file)
        let isMulticlass = name == "multiclass" || name == "multiclassova"
        guard isMulticlass == (classCount > 1) else {
            throw .invalidModel(file: file, line: line.line, reason: "objective '\(name)' does not match num_class=\(classCount)")
        }
        switch name {
        case "binary", "cross_entropy": self = .sigmoid(sigmoid)
        case _ where Self.identityNames.contains(name): self = options["sqrt"] != nil ? .signedSquare : .identity
        case _ where Self.exponentialNames.contains(name): self = .exponential
        case "cross_entropy_lambda": self = .softplus
        case "multiclass": self = .softmax
        case "multiclassova": self = .sigmoidPerClass(sigmoid)
        case "lambdarank", "rank_xendcg":
            throw .unsupportedModel(file: file, reason: "objective '\(name)' ranks items within a query and gives no per-user score")
        default:
            throw .unsupportedModel(file: file, reason: "unknown objective '\(name)'")
        }
    }

    private static func sigmoidParameter(
        _ options: [Substring: Substring], line: LightGBMModelText.Field, file: String
    ) throws(ScoreModelError) -> Double {
        guard let text = options["sigmoid"] else { return 1 }
        guard let values = NumberScanner.doubles(text), values.count == 1, values[0] > 0, values[0].isFinite else {
            throw .invalidModel(file: file, line: line.line, reason: "sigmoid '\(text)' is not a positive number")
        }
        return values[0]
    }

    /// Turns raw sums (one per class) into predictions in place.
    func apply(to scores: UnsafeMutableBufferPointer<Double>) {
        switch self {
        case .identity:
            return
        case .signedSquare:
            for index in scores.indices {
                let raw = scores[index]
                let sign: Double = raw > 0 ? 1 : (raw < 0 ? -1 : 0)
                scores[index] = sign * raw * raw
            }
        case let .sigmoid(slope), let .sigmoidPerClass(slope):
            for index in scores.indices { scores[index] = 1 / (1 + exp(-slope * scores[index])) }
        case .exponential:
            for index in scores.indices { scores[index] = exp(scores[index]) }
        case .softplus:
            for index in scores.indices { scores[index] = log1p(exp(scores[index])) }
        case .softmax:
            var largest = scores[0]
            for value in scores.dropFirst() { largest = max(value, largest) }
            var sum = 0.0
            for index in scores.indices {
                scores[index] = exp(scores[index] - largest)
                sum += scores[index]
            }
            for index in scores.indices { scores[index] /= sum }
        }
    }
}
