@testable import CredeauKit
import Testing

/// Dump documents nested past the depth limit are rejected with a message, not a stack overflow.
@Suite struct BSONNestingDepthTests {
    /// Returns a document whose member `a` nests documents `levels` deep, the innermost empty.
    private func nested(levels: Int, type: UInt8 = 0x03) -> [UInt8] {
        var document: [UInt8] = [5, 0, 0, 0, 0]
        for _ in 0..<levels {
            let length = 4 + 1 + 2 + document.count + 1
            var wrapper = withUnsafeBytes(of: Int32(length).littleEndian, Array.init)
            wrapper += [type, UInt8(ascii: "a"), 0] + document + [0]
            document = wrapper
        }
        return document
    }

    private func copy(_ bytes: [UInt8]) -> Result<BSONDocument, BSONParseFailure> {
        bytes.withUnsafeBytes { BSONDocument.copyBSON($0) }
    }

    @Test func limitDepthIsAccepted() {
        // The top document is level 0, so `levels` wrappers put the innermost at that level.
        guard case .success = copy(nested(levels: BSONDocument.dumpMaxDepth)) else {
            Issue.record("a document nested \(BSONDocument.dumpMaxDepth) deep was rejected")
            return
        }
    }

    @Test func oneLevelMoreIsRejected() {
        guard case let .failure(failure) = copy(nested(levels: BSONDocument.dumpMaxDepth + 1)) else {
            Issue.record("a document nested past the limit was accepted")
            return
        }
        #expect(failure.message.contains("nested deeper than 100 levels"))
    }

    @Test func arraysTenThousandDeepAreRejected() {
        guard case let .failure(failure) = copy(nested(levels: 10_000, type: 0x04)) else {
            Issue.record("an array nested 10,000 deep was accepted")
            return
        }
        #expect(failure.message.contains("nested deeper"))
    }

    @Test func corruptInnerLengthIsStillCorrupt() {
        var bytes = nested(levels: 3)
        // The second level's length prefix claims more bytes than its parent holds.
        bytes[7] = 0x7F
        guard case let .failure(failure) = copy(bytes) else {
            Issue.record("a corrupt document was accepted")
            return
        }
        #expect(failure.message.contains("corrupt"))
    }

    /// Returns a document whose member `a` is code with a scope that contains the same, `levels` deep.
    private func nestedCodeScopes(levels: Int) -> [UInt8] {
        func int32(_ value: Int) -> [UInt8] { withUnsafeBytes(of: Int32(value).littleEndian, Array.init) }
        var document: [UInt8] = [5, 0, 0, 0, 0]
        for _ in 0..<levels {
            let code: [UInt8] = int32(2) + [UInt8(ascii: "x"), 0]
            let value = int32(4 + code.count + document.count) + code + document
            let body: [UInt8] = [0x0F, UInt8(ascii: "a"), 0] + value + [0]
            document = int32(4 + body.count) + body
        }
        return document
    }

    @Test func deepCodeScopesRejectedBeforeLoad() {
        let problem = BSONBytes(bytes: nestedCodeScopes(levels: 10_000)).structureProblem
        #expect(problem?.contains("nested deeper than 100 levels") == true)
        #expect(BSONBytes(bytes: nestedCodeScopes(levels: 3)).structureProblem == nil)
        #expect(BSONBytes(bytes: nested(levels: 3)).structureProblem == nil)
        var corrupt = nestedCodeScopes(levels: 2)
        corrupt[7] = 0x7F
        #expect(BSONBytes(bytes: corrupt).structureProblem != nil)
    }
}
