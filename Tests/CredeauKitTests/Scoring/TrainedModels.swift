import Foundation
@testable import CredeauKit

/// Models trained by Tests/ScoreModels/train_models.py with Python's lightgbm, with the rows it
/// predicted and its predictions, read into memory once per test process.
struct TrainedModels: Sendable {
    struct Case: Sendable {
        var name: String
        var modelText: String
        var rows: [Double]
        var predictions: [Double]
        var rowCount: Int
        var featureCount: Int
        var outputCount: Int
        var iterationLimit: Int?
    }

    /// The pandas model whose second input is a text feature stored as a category column.
    struct TextCase: Sendable {
        var modelText: String
        var columns: [String]
        /// The two numeric columns, row by row.
        var numbers: [Double]
        var texts: [String?]
        var predictions: [Double]
    }

    var features: [String]
    var textFeature: String
    var cases: [Case]
    var linearModelText: String
    var textCase: TextCase

    /// The training run, or nil when CREDEAU_TEST_PYTHON is unset.
    static let shared: Result<TrainedModels, any Error>? = {
        guard PythonTool.interpreter != nil else { return nil }
        return Result { try train() }
    }()

    /// Eight numeric catalogue features from all three groupings, so that the models bind to
    /// the catalogue, and one text feature.
    static func chosenFeatures() -> (numeric: [String], text: String) {
        let definitions = FeatureCatalog.standard.definitions
        var numeric: [String] = []
        for (grouping, count) in [(FeatureGrouping.sms, 3), (.extractedSMS, 3), (.fraud, 2)] {
            numeric += definitions.filter { $0.grouping == grouping && $0.unit != .text }.prefix(count).map(\.name)
        }
        let text = definitions.first { $0.unit == .text && $0.name.hasPrefix("device_") }?.name
            ?? definitions.first { $0.unit == .text }?.name ?? ""
        return (numeric, text)
    }

    private static func train() throws -> TrainedModels {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-score-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../ScoreModels/train_models.py").standardizedFileURL.path
        let (numeric, text) = chosenFeatures()
        _ = try PythonTool.run(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            arguments: [script, directory.path, "--features", numeric.joined(separator: ","), "--text-feature", text])

        func read(_ file: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(file)) }
        func doubles(_ file: String) throws -> [Double] {
            let data = try read(file)
            return data.withUnsafeBytes { raw in
                (0..<(data.count / 8)).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
            }
        }
        func string(_ file: String) throws -> String { String(decoding: try read(file), as: UTF8.self) }

        let manifest = try JSONParser.parse(Array(try read("manifest.json")))
        var cases: [Case] = []
        for entry in manifest["models"]?.arrayValue ?? [] {
            cases.append(Case(
                name: entry["name"]?.stringValue ?? "",
                modelText: try string(entry["model"]?.stringValue ?? ""),
                rows: try doubles(entry["rows"]?.stringValue ?? ""),
                predictions: try doubles(entry["predictions"]?.stringValue ?? ""),
                rowCount: Int(entry["row_count"]?.integerValue ?? 0),
                featureCount: Int(entry["feature_count"]?.integerValue ?? 0),
                outputCount: Int(entry["output_count"]?.integerValue ?? 0),
                iterationLimit: entry["num_iteration"]?.integerValue.map { Int($0) }))
        }
        let textEntry = manifest["text_model"] ?? .null
        let textCase = TextCase(
            modelText: try string(textEntry["model"]?.stringValue ?? ""),
            columns: (textEntry["columns"]?.arrayValue ?? []).compactMap(\.stringValue),
            numbers: try doubles(textEntry["numbers"]?.stringValue ?? ""),
            texts: (textEntry["texts"]?.arrayValue ?? []).map(\.stringValue),
            predictions: try doubles(textEntry["predictions"]?.stringValue ?? ""))
        return TrainedModels(
            features: numeric, textFeature: text, cases: cases,
            linearModelText: try string(manifest["linear_model"]?.stringValue ?? ""), textCase: textCase)
    }
}

/// True when `actual` is within `tolerance` of `expected`, relative to the larger magnitude.
func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-12) -> Bool {
    if actual == expected { return true }
    return abs(actual - expected) <= tolerance * max(abs(actual), abs(expected))
}

/// Runs `body` and returns the error it throws, or nil when it succeeds.
func scoreModelError(_ body: () throws(ScoreModelError) -> Void) -> ScoreModelError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
