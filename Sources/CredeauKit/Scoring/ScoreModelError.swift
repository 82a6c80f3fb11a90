/// A score model that cannot be loaded or used. Every load failure names the model file, so a
/// service stops at startup with the file and the reason instead of serving null scores.
public enum ScoreModelError: CredeauError, Equatable {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The text is not a valid LightGBM text model; `line` counts from 1 when one line is at fault.
    case invalidModel(file: String, line: Int?, reason: String)
    /// The model is valid LightGBM but uses something credeau does not evaluate (linear trees,
    /// a ranking objective).
    case unsupportedModel(file: String, reason: String)
    /// The model names input features that credeau does not produce.
    case unknownFeatures(file: String, names: [String])
    /// The model uses text features as numbers; only pandas category columns can carry text.
    case textFeatures(file: String, names: [String])
    /// The file is encrypted (`.enc`) but SCORE_MODELS_KEY is not set.
    case missingKey(file: String)
    /// Fernet decryption of an encrypted model failed.
    case decryptionFailed(file: String, reason: String)
    /// The score name derived from the file name is not usable in a feature name.
    case invalidName(file: String, name: String)
    /// Two model files give the same score name.
    case duplicateName(name: String, files: [String])
    /// A configuration variable has an invalid value.
    case invalidSetting(variable: String, value: String, reason: String)
    /// A feature vector passed for scoring lacks inputs of a model (the caller computed too few
    /// groupings).
    case missingInputs(model: String, names: [String])

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "Cannot read score model '\(path)': \(reason); check the path and its permissions"
        case let .invalidModel(file, line, reason):
            let place = line.map { "'\(file)' line \($0)" } ?? "'\(file)'"
            return "Invalid LightGBM model \(place): \(reason); export it again with Booster.save_model()"
        case let .unsupportedModel(file, reason):
            return "Unsupported LightGBM model '\(file)': \(reason)"
        case let .unknownFeatures(file, names):
            return "Score model '\(file)' uses features that credeau does not produce: \(Self.list(names)); "
                + "train it on columns of 'credeau extract' output"
        case let .textFeatures(file, names):
            return "Score model '\(file)' uses text features as numbers: \(Self.list(names)); "
                + "train them as pandas category columns so that the model stores their categories"
        case let .missingKey(file):
            return "Score model '\(file)' is encrypted but SCORE_MODELS_KEY is not set; set it to the Fernet key"
        case let .decryptionFailed(file, reason):
            return "Cannot decrypt score model '\(file)': \(reason); check SCORE_MODELS_KEY"
        case let .invalidName(file, name):
            return "Invalid score name '\(name)' from model file '\(file)'; "
                + "use only lower-case letters, digits and '_', starting with a letter"
        case let .duplicateName(name, files):
            return "Score name '\(name)' is given by more than one model file: \(Self.list(files)); keep one"
        case let .invalidSetting(variable, value, reason):
            return "Invalid \(variable) '\(value)': \(reason)"
        case let .missingInputs(model, names):
            return "Score model '\(model)' needs features missing from the feature vector: \(Self.list(names))"
        }
    }

    private static func list(_ names: [String]) -> String {
        let listed = names.prefix(20).map { "'\($0)'" }.joined(separator: ", ")
        return names.count > 20 ? "\(listed) and \(names.count - 20) more" : listed
    }
}
