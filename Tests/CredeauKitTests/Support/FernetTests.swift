import Foundation
import Testing
@testable import CredeauKit

@Suite struct FernetTests {
    /// A fixed key, made for these tests only.
    static let key = "dGhpcyBpcyBhIDMyLWJ5dGUga2V5IGZvciB0ZXN0cyE="

    @Test func roundTripKeepsUnicode() throws {
        let fernet = try Fernet(key: Self.key)
        let body = "Rs.1,00,000 credited to A/c XX1234 ₹ नमस्ते 😀\n\"quoted\""
        let token = try fernet.encrypt(body)
        #expect(try fernet.decryptString(token) == body)
        #expect(token.hasPrefix("gAAAAA"))
    }

    @Test func batchTokensRoundTripWithOwnIVs() throws {
        let fernet = try Fernet(key: Self.key)
        let bodies = ["Rs.845 spent on Card XX2207", "Rs.845 spent on Card XX2207", "", "₹ नमस्ते 😀",
                      String(repeating: "block16 ", count: 40)]
        let tokens = try fernet.encryptAll(bodies, at: 1_772_541_341)
        #expect(tokens.count == bodies.count)
        #expect(try tokens.map { try fernet.decryptString($0) } == bodies)

        let raw = try tokens.map { try #require(Base64URL.decode($0)) }
        #expect(raw.allSatisfy { Array($0[1..<9]) == [0, 0, 0, 0, 0x69, 0xA6, 0xD5, 0x9D] })
        // Equal bodies must still give different tokens, because each token draws its own IV.
        #expect(Set(raw.map { Array($0[9..<25]) }).count == bodies.count)
        #expect(try fernet.encryptAll([]).isEmpty)
    }

    @Test func batchBufferHoldsEachTokenAtItsRange() throws {
        let fernet = try Fernet(key: Self.key)
        // Lengths around the 16-byte block and the 3-byte base64 group, multi-byte text and empty text.
        let bodies = (0..<50).map { String(repeating: "a", count: $0) } + ["₹ नमस्ते 😀", "", "x\u{0}y"]
        let batch = try fernet.encryptBatch(bodies, at: 1_772_541_341)
        #expect(batch.count == bodies.count)
        #expect(batch.bytes.count == batch.ends.last)
        for (index, body) in bodies.enumerated() {
            let token = batch.token(at: index)
            #expect(batch.range(at: index).count == token.utf8.count)
            #expect(try fernet.decryptString(token) == body)
            // The same length as a token made alone, so the two paths lay out the same bytes.
            #expect(token.utf8.count == (try fernet.encrypt(body)).utf8.count)
        }
        #expect(try fernet.encryptBatch([]).count == 0)
    }

    @Test func base64IntoBufferMatchesStringEncoding() {
        for count in 0..<20 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 251) }
            var output = [UInt8](repeating: 0, count: Base64URL.encodedCount(count))
            let written = bytes.withUnsafeBufferPointer { Base64URL.encode($0, into: &output) }
            #expect(written == output.count)
            #expect(String(decoding: output, as: UTF8.self) == Base64URL.encode(bytes))
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test func emptyPlaintextRoundTrips() throws {
        let fernet = try Fernet(key: Self.key)
        #expect(try fernet.decrypt(fernet.encrypt([])) == [])
    }

    @Test func tamperedTokenIsRejected() throws {
        let fernet = try Fernet(key: Self.key)
        var bytes = try #require(Base64URL.decode(try fernet.encrypt("secret")))
        bytes[30] ^= 0x01
        #expect(throws: FernetError.invalidToken) { try fernet.decrypt(Base64URL.encode(bytes)) }
    }

    @Test func otherKeyIsRejected() throws {
        let token = try Fernet(key: Self.key).encrypt("secret")
        let other = try Fernet(key: try Fernet.generateKey())
        #expect(throws: FernetError.invalidToken) { try other.decrypt(token) }
    }

    @Test(arguments: ["", "short", "dGhpcyBpcyBhIDMyLWJ5dGUga2V5", "not base64 at all!!", String(repeating: "A", count: 45),
                      // 32 bytes without the padding Python's base64 decoding requires, and with it doubled.
                      String(repeating: "A", count: 43), String(repeating: "A", count: 43) + "==",
                      String(repeating: "A", count: 42) + "=="])
    func invalidKeyIsRejected(key: String) {
        #expect(throws: FernetError.invalidKey) { try Fernet(key: key) }
    }

    @Test func base64URLMatchesKnownVectors() {
        #expect(Base64URL.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64URL.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64URL.encode(Array("foo".utf8)) == "Zm9v")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8=")
        #expect(Base64URL.decode("-_8=") == [0xFB, 0xFF])
        #expect(Base64URL.decode("Zm9vYg") == Array("foob".utf8))
    }

    @Test func pythonCryptographyDecryptsOurTokens() throws {
        guard PythonTool.interpreter != nil else {
            print("NOTICE: CREDEAU_TEST_PYTHON is unset; skipping the cross-check with Python's cryptography")
            return
        }
        let fernet = try Fernet(key: Self.key)
        let bodies = ["Rs.845 spent on Card XX2207 at Zepto", "₹ नमस्ते 😀", "", String(repeating: "x", count: 5000)]
        // Single tokens, then the same bodies through the batch path the SMS stores use.
        let tokens = try bodies.map { try fernet.encrypt($0) } + fernet.encryptAll(bodies)
        let script = """
            import sys, json
            from cryptography.fernet import Fernet
            f = Fernet(sys.argv[1].encode())
            tokens = json.loads(sys.stdin.read())
            print(json.dumps([f.decrypt(t.encode()).decode("utf-8") for t in tokens]))
            """
        let output = try PythonTool.run(script, arguments: [Self.key], input: String(decoding: JSONWriter.encode(.array(tokens.map { .string($0) })), as: UTF8.self))
        let decoded = try JSONParser.parse(output)
        #expect(decoded == .array((bodies + bodies).map { .string($0) }))
    }

    @Test func weDecryptPythonTokens() throws {
        guard PythonTool.interpreter != nil else {
            print("NOTICE: CREDEAU_TEST_PYTHON is unset; skipping the cross-check with Python's cryptography")
            return
        }
        let script = """
            import sys
            from cryptography.fernet import Fernet
            print(Fernet(sys.argv[1].encode()).encrypt("UPI debit Rs.760 ₹".encode()).decode())
            """
        let token = try PythonTool.run(script, arguments: [Self.key]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Fernet(key: Self.key).decryptString(token) == "UPI debit Rs.760 ₹")
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals("abc", "abc"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "abcd"))
        #expect(ConstantTime.equals("", ""))
    }
}
