import Foundation
import Testing
@testable import CredeauKit

@Suite struct ScoreModelLoaderTests {
    static let numeric = TrainedModels.chosenFeatures().numeric
    static let key = FernetTests.key

    /// Returns a binary model on two catalogue features, split at 0.5 on the last one.
    static func modelText(features: [String] = Array(numeric.prefix(2)), left: Double = -1) -> String {
        ModelTextBuilder(
            features: features, objective: "binary sigmoid:1",
            trees: [ModelTextBuilder.stump(feature: features.count - 1, threshold: "0.5", decisionType: 8, left: left, right: 1)]
        ).text
    }

    private func withDirectory<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-scores-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try body(directory.path)
    }

    private func loadError(_ environment: [String: String]) -> ScoreModelError? {
        scoreModelError { () throws(ScoreModelError) in _ = try ScoreModelLoader.load(environment: environment) }
    }

    private func fullVector(_ values: [String: FeatureValue]) -> FeatureVector {
        let names = FeatureCatalog.standard.names(of: Set(FeatureGrouping.allCases))
        return FeatureVector(names: names, values: names.map { values[$0] ?? .null })
    }

    @Test func directoryModelsServeScores() throws {
        let files = ["payday.txt": Self.modelText(), "emi.txt": Self.modelText(left: -2), "README.md": "notes"]
        let sink = InMemoryLogSink()
        let set = try withDirectory(files) { directory in
            try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": directory], logger: Logger(label: "test", level: .trace, sink: sink))
        }
        #expect(set.featureNames == ["score_emi", "score_emi_version", "score_payday", "score_payday_version"])
        #expect(set.models.map(\.version) == [
            String(SHA256.hexDigest(Array(Self.modelText(left: -2).utf8)).prefix(16)),
            String(SHA256.hexDigest(Array(Self.modelText().utf8)).prefix(16)),
        ])
        #expect(sink.records.contains { $0.message == "Skipped a file that is not a score model" })

        let scores = try set.scores(for: fullVector([Self.numeric[1]: .integer(0)]))
        #expect(scores.map(\.name) == set.featureNames)
        #expect(scores[0].value == .double(1 / (1 + exp(2.0))))
        #expect(scores[1].value == .string(set.models[0].version))
        #expect(scores[2].value == .double(1 / (1 + exp(1.0))))
    }

    @Test func encryptedModelDecryptsInMemory() throws {
        let text = Self.modelText()
        let token = try Fernet(key: Self.key).encrypt(text)
        let set = try withDirectory(["payday.txt.enc": token, "emi.enc": token + "\n"]) { directory in
            try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": directory, "SCORE_MODELS_KEY": Self.key])
        }
        #expect(set.models.map(\.name) == ["emi", "payday"])
        // The version comes from the decrypted text, so re-encrypting a model keeps it.
        #expect(set.models.allSatisfy { $0.version == String(SHA256.hexDigest(Array(text.utf8)).prefix(16)) })
    }

    @Test func encryptedModelWithoutKeyFails() throws {
        let token = try Fernet(key: Self.key).encrypt(Self.modelText())
        let error = try withDirectory(["payday.enc": token]) { directory in loadError(["SCORE_MODELS_DIR": directory]) }
        guard case let .missingKey(file) = error else {
            Issue.record("expected missingKey, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/payday.enc"))
    }

    @Test func encryptedModelWithOtherKeyFails() throws {
        let token = try Fernet(key: Self.key).encrypt(Self.modelText())
        let otherKey = try Fernet.generateKey()
        let error = try withDirectory(["payday.enc": token]) { directory in
            loadError(["SCORE_MODELS_DIR": directory, "SCORE_MODELS_KEY": otherKey])
        }
        guard case .decryptionFailed = error else {
            Issue.record("expected decryptionFailed, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains(otherKey) == false)
    }

    @Test func invalidKeyIsNotEchoed() throws {
        let token = try Fernet(key: Self.key).encrypt(Self.modelText())
        let error = try withDirectory(["payday.enc": token]) { directory in
            loadError(["SCORE_MODELS_DIR": directory, "SCORE_MODELS_KEY": "secret-but-short"])
        }
        #expect(error?.description.contains("SCORE_MODELS_KEY") == true)
        #expect(error?.description.contains("secret-but-short") == false)
    }

    @Test func legacyPathVariablesServeNamedScores() throws {
        let set = try withDirectory(["payday_model.txt": Self.modelText(), "emi.txt": Self.modelText()]) { directory in
            try ScoreModelLoader.load(environment: [
                "PAYDAY_SCORE_LGB_MODEL_PATH": directory + "/payday_model.txt", "EMI_LGB_MODEL_V2_PATH": directory + "/emi.txt",
            ])
        }
        #expect(set.featureNames == ["score_payday", "score_payday_version", "score_emi_v2", "score_emi_v2_version"])
    }

    @Test func legacyPathToPickleIsRejected() throws {
        let error = try withDirectory(["model.pkl": "\u{80}\u{04}\u{95}lightgbm.basic.Booster"]) { directory in
            loadError(["LGB_SCORE_MODEL_PATH": directory + "/model.pkl"])
        }
        guard case let .invalidModel(file, line, _) = error else {
            Issue.record("expected invalidModel, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/model.pkl"))
        #expect(line == 1)
    }

    @Test func missingModelFileIsReported() {
        let error = loadError(["LGB_SCORE_MODEL_PATH": "/nonexistent/credeau/model.txt"])
        #expect(error == .unreadableFile(path: "/nonexistent/credeau/model.txt", reason: "no such file"))
        let directoryError = loadError(["SCORE_MODELS_DIR": "/nonexistent/credeau/models"])
        guard case .unreadableFile(path: "/nonexistent/credeau/models", _) = directoryError else {
            Issue.record("expected unreadableFile, got \(String(describing: directoryError))")
            return
        }
    }

    @Test func unknownFeaturesAreListed() throws {
        let text = Self.modelText(features: [Self.numeric[0], "income_from_astrology_30d", "Column_2"])
        let error = try withDirectory(["payday.txt": text]) { directory in loadError(["SCORE_MODELS_DIR": directory]) }
        guard case let .unknownFeatures(file, names) = error else {
            Issue.record("expected unknownFeatures, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/payday.txt"))
        #expect(names == ["income_from_astrology_30d", "Column_2"])
    }

    @Test func textFeatureWithoutCategoriesIsRejected() throws {
        let textFeature = TrainedModels.chosenFeatures().text
        let error = try withDirectory(["brand.txt": Self.modelText(features: [Self.numeric[0], textFeature])]) { directory in
            loadError(["SCORE_MODELS_DIR": directory])
        }
        guard case let .textFeatures(file, names) = error else {
            Issue.record("expected textFeatures, got \(String(describing: error))")
            return
        }
        #expect(file.hasSuffix("/brand.txt"))
        #expect(names == [textFeature])
    }

    @Test(arguments: ["Payday.txt", "9lives.txt", "pay-day.txt"])
    func invalidScoreNameIsRejected(file: String) throws {
        let error = try withDirectory([file: Self.modelText()]) { directory in loadError(["SCORE_MODELS_DIR": directory]) }
        guard case let .invalidName(_, name) = error else {
            Issue.record("expected invalidName, got \(String(describing: error))")
            return
        }
        #expect(name == String(file.dropLast(4)))
    }

    @Test func duplicateScoreNameIsRejected() throws {
        let error = try withDirectory(["payday.txt": Self.modelText()]) { directory in
            loadError(["SCORE_MODELS_DIR": directory, "PAYDAY_SCORE_LGB_MODEL_PATH": directory + "/payday.txt"])
        }
        guard case let .duplicateName(name, files) = error else {
            Issue.record("expected duplicateName, got \(String(describing: error))")
            return
        }
        #expect(name == "payday")
        #expect(files.count == 2)
    }

    @Test func iterationLimitsApplyByName() throws {
        let text = ModelTextBuilder(features: [Self.numeric[0]], objective: "regression",
                                    trees: [ModelTextBuilder.leaf(1), ModelTextBuilder.leaf(2), ModelTextBuilder.leaf(4)]).text
        let set = try withDirectory(["payday.txt": text, "emi.txt": text]) { directory in
            try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": directory, "SCORE_MODELS_NUM_ITERATIONS": "payday=2"])
        }
        let scores = try set.scores(for: fullVector([:]))
        #expect(scores.first { $0.name == "score_payday" }?.value == .double(3))
        #expect(scores.first { $0.name == "score_emi" }?.value == .double(7))
    }

    @Test(arguments: ["payday", "payday=0", "payday=two", "other=3"])
    func invalidIterationLimitIsRejected(setting: String) throws {
        let error = try withDirectory(["payday.txt": Self.modelText()]) { directory in
            loadError(["SCORE_MODELS_DIR": directory, "SCORE_MODELS_NUM_ITERATIONS": setting])
        }
        guard case let .invalidSetting(variable, value, _) = error else {
            Issue.record("expected invalidSetting, got \(String(describing: error))")
            return
        }
        #expect(variable == "SCORE_MODELS_NUM_ITERATIONS")
        #expect(value == setting)
    }

    @Test func noConfigurationGivesEmptySet() throws {
        let set = try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": "  "])
        #expect(set.isEmpty)
        #expect(set.featureNames.isEmpty)
        #expect(try set.scores(for: fullVector([:])).isEmpty)
    }

    @Test func vectorWithoutInputsFails() throws {
        let set = try withDirectory(["payday.txt": Self.modelText()]) { directory in
            try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": directory])
        }
        let vector = FeatureVector(names: [Self.numeric[0]], values: [.integer(1)])
        let error = scoreModelError { () throws(ScoreModelError) in _ = try set.scores(for: vector) }
        #expect(error == .missingInputs(model: "payday", names: [Self.numeric[1]]))
    }

    @Test func partialSelectionVectorsAreScored() throws {
        // The first two chosen features both belong to the sms grouping.
        let set = try withDirectory(["payday.txt": Self.modelText()]) { directory in
            try ScoreModelLoader.load(environment: ["SCORE_MODELS_DIR": directory])
        }
        #expect(set.inputGroupings == [.sms])
        let names = FeatureCatalog.standard.names(of: [.sms])
        let values = names.map { $0 == Self.numeric[1] ? FeatureValue.integer(1) : .null }
        let fromSelection = try set.scores(for: FeatureVector(names: names, values: values))
        let byName = try set.scores(for: FeatureVector(names: [Self.numeric[1], Self.numeric[0]], values: [.integer(1), .null]))
        #expect(fromSelection[0].value == .double(1 / (1 + exp(-1.0))))
        #expect(byName[0].value == fromSelection[0].value)
    }
}
