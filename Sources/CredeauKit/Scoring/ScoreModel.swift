/// A LightGBM model serving one score, bound to credeau's feature catalogue. It records which
/// catalogue feature feeds each model input and how a feature value becomes a number.
public struct ScoreModel: Sendable {
    /// The conversion of a feature value into a model input.
    enum InputEncoding: Sendable {
        /// Integers and doubles as they are, null as NaN (missing).
        case number
        /// A pandas category column: the value's position among the training categories.
        case category(PandasCategories.Column)
    }

    /// The score name: outputs are named `score_NAME`.
    public let name: String
    /// The model file, for messages.
    public let file: String
    /// The first 16 hexadecimal digits of the SHA-256 of the model text (the decrypted text for
    /// an encrypted file), reported as `score_NAME_version`.
    public let version: String
    public let model: LightGBMModel
    /// `score_NAME` (or `score_NAME_class_0` … for multiclass models), then `score_NAME_version`.
    public let outputNames: [String]
    let encodings: [InputEncoding]

    /// Checks every model input against the catalogue `definitions` (by feature name).
    init(
        name: String, file: String, text: String, iterationLimit: Int?, definitions: [String: FeatureDefinition]
    ) throws(ScoreModelError) {
        let model = try LightGBMModel(text: text, file: file, iterationLimit: iterationLimit)
        let unknown = model.featureNames.filter { definitions[$0] == nil }
        guard unknown.isEmpty else { throw .unknownFeatures(file: file, names: unknown) }

        var encodings: [InputEncoding] = []
        var textAsNumber: [String] = []
        for (index, feature) in model.featureNames.enumerated() {
            if let column = model.categories.columns[index] {
                encodings.append(.category(column))
            } else {
                if definitions[feature]?.unit == .text { textAsNumber.append(feature) }
                encodings.append(.number)
            }
        }
        guard textAsNumber.isEmpty else { throw .textFeatures(file: file, names: textAsNumber) }

        self.name = name
        self.file = file
        self.version = String(SHA256.hexDigest(Array(text.utf8)).prefix(16))
        self.model = model
        self.encodings = encodings
        let prefix = "score_\(name)"
        let scores = model.outputCount == 1 ? [prefix] : (0..<model.outputCount).map { "\(prefix)_class_\($0)" }
        outputNames = scores + ["\(prefix)_version"]
    }

    /// Encodes `value` for model input `index`.
    @inline(__always)
    func input(_ value: FeatureValue, at index: Int) -> Double {
        switch encodings[index] {
        case .number:
            // A text value cannot reach a numeric input: loading rejects text features there.
            return value.doubleValue ?? .nan
        case let .category(column):
            return column.code(for: value)
        }
    }
}
