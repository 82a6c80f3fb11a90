import Foundation

/// Loads the score models a deployment configures through environment variables.
///
/// - `SCORE_MODELS_DIR`: a directory where each `NAME.txt` (or encrypted `NAME.txt.enc` or
///   `NAME.enc`) is a LightGBM text model serving `score_NAME`. Other files are skipped.
/// - `LGB_SCORE_MODEL_PATH`, `PAYDAY_SCORE_LGB_MODEL_PATH`, `EMI_LGB_MODEL_V2_PATH`: model paths
///   of the existing deployments, serving `score_lgb`, `score_payday` and `score_emi_v2`.
/// - `SCORE_MODELS_KEY`: the Fernet key of `.enc` files, which are decrypted in memory only.
/// - `SCORE_MODELS_NUM_ITERATIONS`: optional `NAME=N,…`, using only a model's first N iterations.
///
/// Any model that cannot be read, decrypted, parsed or bound to the catalogue stops the load
/// with an error naming the file.
public enum ScoreModelLoader {
    /// Model path variables of the existing deployments and the score name each one serves.
    public static let pathVariables: [(variable: String, name: String)] = [
        ("LGB_SCORE_MODEL_PATH", "lgb"),
        ("PAYDAY_SCORE_LGB_MODEL_PATH", "payday"),
        ("EMI_LGB_MODEL_V2_PATH", "emi_v2"),
    ]

    public static func load(
        environment: [String: String], catalog: FeatureCatalog = .standard, logger: Logger = .discarding
    ) throws(ScoreModelError) -> ScoreModelSet {
        var sources: [(name: String, path: String)] = []
        if let directory = setting("SCORE_MODELS_DIR", in: environment) {
            sources += try modelFiles(in: directory, logger: logger)
        }
        for (variable, name) in pathVariables {
            if let path = setting(variable, in: environment) { sources.append((name, path)) }
        }
        let limits = try iterationLimits(setting("SCORE_MODELS_NUM_ITERATIONS", in: environment), names: sources.map(\.name))
        let key = setting("SCORE_MODELS_KEY", in: environment)

        let definitions = Dictionary(catalog.definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var models: [ScoreModel] = []
        for (name, path) in sources {
            guard isValidName(name) else { throw .invalidName(file: path, name: name) }
            let text = try readModelText(path: path, key: key)
            let model = try ScoreModel(name: name, file: path, text: text, iterationLimit: limits[name], definitions: definitions)
            logger.debug("Loaded score model", [
                (LogKey.file, path), ("score.name", name), ("score.version", model.version),
                ("score.iterations", String(model.model.usedIterations)),
            ])
            models.append(model)
        }
        return try ScoreModelSet(models: models, catalog: catalog)
    }

    /// Reads a model file, decrypting `.enc` files with the Fernet `key`.
    static func readModelText(path: String, key: String?) throws(ScoreModelError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw .unreadableFile(path: path, reason: "no such file") }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        guard path.hasSuffix(".enc") else { return String(decoding: bytes, as: UTF8.self) }

        guard let key else { throw .missingKey(file: path) }
        let fernet: Fernet
        do {
            fernet = try Fernet(key: key)
        } catch {
            // The key is a secret, so the message shows only its length.
            throw .invalidSetting(variable: "SCORE_MODELS_KEY", value: "(\(key.count) characters)", reason: error.description)
        }
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return String(decoding: try fernet.decrypt(token), as: UTF8.self)
        } catch {
            throw .decryptionFailed(file: path, reason: error.description)
        }
    }

    /// Model files of `directory` sorted by name, with the score name each one serves.
    static func modelFiles(in directory: String, logger: Logger) throws(ScoreModelError) -> [(name: String, path: String)] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw .unreadableFile(path: directory, reason: "the SCORE_MODELS_DIR directory cannot be listed")
        }
        var files: [(name: String, path: String)] = []
        for entry in entries {
            let path = (directory as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard !entry.hasPrefix("."), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                  !isDirectory.boolValue, let name = scoreName(ofFile: entry)
            else {
                logger.info("Skipped a file that is not a score model", [(LogKey.file, path)])
                continue
            }
            files.append((name, path))
        }
        return files
    }

    /// `NAME` for `NAME.txt`, `NAME.txt.enc` and `NAME.enc`; nil for other files.
    static func scoreName(ofFile file: String) -> String? {
        var stem = Substring(file)
        let encrypted = stem.hasSuffix(".enc")
        if encrypted { stem = stem.dropLast(4) }
        if stem.hasSuffix(".txt") {
            stem = stem.dropLast(4)
        } else if !encrypted {
            return nil
        }
        return stem.isEmpty ? nil : String(stem)
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// Parses `NAME=N,…`; every NAME must be a configured model and N a positive integer.
    static func iterationLimits(_ text: String?, names: [String]) throws(ScoreModelError) -> [String: Int] {
        guard let text else { return [:] }
        var limits: [String: Int] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let limit = Int(parts[1]), limit > 0 else {
                throw .invalidSetting(variable: "SCORE_MODELS_NUM_ITERATIONS", value: text,
                                      reason: "expected NAME=N pairs separated by commas, with N a positive integer")
            }
            guard names.contains(parts[0]) else {
                throw .invalidSetting(variable: "SCORE_MODELS_NUM_ITERATIONS", value: text,
                                      reason: "no score model is named '\(parts[0])'")
            }
            limits[parts[0]] = limit
        }
        return limits
    }

    private static func setting(_ variable: String, in environment: [String: String]) -> String? {
        guard let value = environment[variable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
