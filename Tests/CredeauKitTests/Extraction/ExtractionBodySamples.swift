import Foundation
@testable import CredeauKit

/// SMS bodies for equivalence tests: the fixture and corpus cases, and bodies spliced from them.
enum ExtractionBodySamples {
    static func fixtureBodies() throws -> [String] {
        let root = ExtractionCorpusTests.packageRoot
        var paths = [root.appendingPathComponent("Tests/CredeauKitTests/Fixtures/extraction-cases.jsonl").path]
        let corpus = root.appendingPathComponent("../shared/corpus/dev-cases.jsonl").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: corpus) { paths.append(corpus) }
        var bodies: [String] = []
        for path in paths {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if let body = object?["body"] as? String { bodies.append(body) }
            }
        }
        return bodies
    }

    /// Bodies spliced from keyword fragments, fixture text and odd bytes, from a fixed seed.
    static func syntheticBodies(from seeds: [String], keywords: [String], count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let oddPieces = ["₹", "é", "नमस्ते", "🙂", "\u{00A0}", "\n", "\t", "  ", "/-", "XX", "A/C", "Rs.", "-", "@"]
        var bodies: [String] = []
        for _ in 0..<count {
            var body = ""
            for _ in 0..<(1 + next(8)) {
                switch next(4) {
                case 0: body += keywords[next(keywords.count)]
                case 1: body += String(keywords[next(keywords.count)].uppercased().dropFirst(next(2)))
                case 2: body += oddPieces[next(oddPieces.count)]
                default:
                    let seed = seeds[next(seeds.count)]
                    let start = next(max(1, seed.count))
                    body += String(seed.dropFirst(start).prefix(next(40)))
                }
            }
            bodies.append(body)
        }
        return bodies
    }
}
