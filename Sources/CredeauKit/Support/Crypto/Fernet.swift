import COpenSSL

/// Failure to use a Fernet key or token.
public enum FernetError: CredeauError, Equatable {
    case invalidKey
    case invalidToken
    case cryptoFailed(String)

    public var description: String {
        switch self {
        case .invalidKey:
            return "Invalid Fernet key: expected 32 bytes encoded as URL-safe base64 (44 characters)"
        case .invalidToken:
            return "Invalid Fernet token: it is malformed, was made with another key, or was altered"
        case let .cryptoFailed(operation):
            return "OpenSSL failed during \(operation)"
        }
    }
}

/// Symmetric encryption in the Fernet token format, readable by
/// Python's `cryptography.fernet.Fernet` with the same key.
///
/// A token is URL-safe base64 of: version byte 0x80, the creation time (seconds, 64-bit big
/// endian), a random 16-byte IV, the AES-128-CBC ciphertext with PKCS#7 padding, and an
/// HMAC-SHA256 over all of that. The key's first 16 bytes sign, the last 16 encrypt.
public struct Fernet: Sendable {
    let signingKey: [UInt8]
    let encryptionKey: [UInt8]

    /// Reads a key as Python's `cryptography` writes and reads it: 44 characters of URL-safe
    /// base64 with its `=` padding. A key without the padding is refused, as Python refuses it,
    /// so a data team can always open the stored bodies with the same key text.
    public init(key: String) throws(FernetError) {
        guard key.utf8.count == 44, key.utf8.last == UInt8(ascii: "="), let raw = Base64URL.decode(key), raw.count == 32
        else { throw .invalidKey }
        signingKey = Array(raw[0..<16])
        encryptionKey = Array(raw[16..<32])
    }

    /// Generates a random key in the text form Fernet uses.
    public static func generateKey() throws(FernetError) -> String {
        Base64URL.encode(try randomBytes(32))
    }

    public func encrypt(_ plaintext: [UInt8], at time: UInt64 = UInt64(SystemClock.epochSeconds())) throws(FernetError) -> String {
        let encryptor = try FernetBatchEncryptor(signingKey: signingKey, encryptionKey: encryptionKey)
        let iv = try Self.randomBytes(16)
        let token = plaintext.withUnsafeBufferPointer { bytes in
            iv.withUnsafeBufferPointer { iv in Result { () throws(FernetError) in try encryptor.token(for: bytes, iv: iv, time: time) } }
        }
        return try token.get()
    }

    public func encrypt(_ plaintext: String) throws(FernetError) -> String {
        try encrypt(Array(plaintext.utf8))
    }

    /// Checks the token's signature in constant time, then decrypts it.
    public func decrypt(_ token: String) throws(FernetError) -> [UInt8] {
        guard let raw = Base64URL.decode(token), raw.count >= 1 + 8 + 16 + 16 + 32, raw[0] == 0x80,
              (raw.count - 1 - 8 - 16 - 32) % 16 == 0
        else { throw .invalidToken }
        let signed = Array(raw[0..<(raw.count - 32)])
        let signature = Array(raw[(raw.count - 32)...])
        let expected = try hmac(signed)
        guard CRYPTO_memcmp(expected, signature, 32) == 0 else { throw .invalidToken }

        let iv = Array(raw[9..<25])
        let ciphertext = Array(raw[25..<(raw.count - 32)])
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var produced: Int32 = 0, finalLength: Int32 = 0
        guard let context = EVP_CIPHER_CTX_new() else { throw .cryptoFailed("cipher setup") }
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_DecryptInit_ex(context, EVP_aes_128_cbc(), nil, encryptionKey, iv) == 1,
              EVP_DecryptUpdate(context, &plaintext, &produced, ciphertext, Int32(ciphertext.count)) == 1,
              plaintext.withUnsafeMutableBufferPointer({
                  EVP_DecryptFinal_ex(context, $0.baseAddress! + Int(produced), &finalLength)
              }) == 1
        else { throw .invalidToken }
        plaintext.removeSubrange(Int(produced + finalLength)...)
        return plaintext
    }

    public func decryptString(_ token: String) throws(FernetError) -> String {
        let bytes = try decrypt(token)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidToken }
        return text
    }

    private func hmac(_ message: [UInt8]) throws(FernetError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard HMAC(EVP_sha256(), signingKey, Int32(signingKey.count), message, message.count, &digest, &length) != nil,
              length == 32
        else { throw .cryptoFailed("HMAC-SHA256") }
        return digest
    }

    static func randomBytes(_ count: Int) throws(FernetError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw .cryptoFailed("random generation") }
        return bytes
    }
}

/// Constant-time comparison for secrets such as API tokens (OpenSSL `CRYPTO_memcmp`).
public enum ConstantTime {
    public static func equals(_ first: String, _ second: String) -> Bool {
        let a = Array(first.utf8), b = Array(second.utf8)
        // Compare equal-length buffers so the time does not depend on where they differ; the
        // length itself is not secret.
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }
}
