import COpenSSL

extension Fernet {
    /// Encrypts every plaintext into its own token, all stamped with `time`.
    ///
    /// Faster than one `encrypt` call per plaintext: the batch shares one AES context (the key
    /// schedule is set once and only the IV changes), one HMAC context keyed once, and one
    /// `RAND_bytes` call for all IVs. Each token still has its own random IV.
    public func encryptAll(_ plaintexts: [String], at time: UInt64 = UInt64(SystemClock.epochSeconds())) throws(FernetError) -> [String] {
        let batch = try encryptBatch(plaintexts, at: time)
        return (0..<batch.count).map(batch.token(at:))
    }

    /// Encrypts like `encryptAll`, but writes the tokens' text one after another into one buffer
    /// instead of making a `String` per token.
    public func encryptBatch(_ plaintexts: [String], at time: UInt64 = UInt64(SystemClock.epochSeconds())) throws(FernetError) -> FernetTokenBatch {
        guard !plaintexts.isEmpty else { return FernetTokenBatch(bytes: [], ends: []) }
        let encryptor = try FernetBatchEncryptor(signingKey: signingKey, encryptionKey: encryptionKey)
        let ivs = try Self.randomBytes(16 * plaintexts.count)
        var ends: [Int] = []
        ends.reserveCapacity(plaintexts.count)
        var total = 0
        for plaintext in plaintexts {
            total += Base64URL.encodedCount(FernetBatchEncryptor.tokenByteCount(plaintextCount: plaintext.utf8.count))
            ends.append(total)
        }
        var failure: FernetError?
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { output, initialized in
            var offset = 0
            ivs.withUnsafeBufferPointer { ivs in
                for (index, plaintext) in plaintexts.enumerated() {
                    var text = plaintext
                    let iv = UnsafeBufferPointer(rebasing: ivs[(index * 16)..<(index * 16 + 16)])
                    // String.withUTF8 rethrows untyped errors, so the typed error travels in a Result.
                    let written = text.withUTF8 { bytes in
                        Result { () throws(FernetError) in
                            try encryptor.encodeToken(for: bytes, iv: iv, time: time, into: output.baseAddress! + offset)
                        }
                    }
                    switch written {
                    case let .success(count) where offset + count == ends[index]:
                        offset += count
                    case .success:
                        failure = .cryptoFailed("encryption")
                    case let .failure(error):
                        failure = error
                    }
                    if failure != nil { break }
                }
            }
            initialized = offset
        }
        if let failure { throw failure }
        return FernetTokenBatch(bytes: bytes, ends: ends)
    }
}

/// The tokens of one batch, their base64 text one after another in one buffer, so that a store
/// can bind them without a `String` per token.
public struct FernetTokenBatch: Sendable {
    /// Every token's text, in the order of the plaintexts.
    public let bytes: [UInt8]
    /// The end offset of each token in `bytes`. A token starts where the one before it ends.
    public let ends: [Int]

    public var count: Int { ends.count }

    /// Returns the byte range of token `index` in `bytes`.
    public func range(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    public func token(at index: Int) -> String {
        String(decoding: bytes[range(at: index)], as: UTF8.self)
    }
}

/// The OpenSSL contexts of one batch of Fernet encryptions, used by one thread and freed with it.
final class FernetBatchEncryptor {
    private let cipher: OpaquePointer
    private let mac: OpaquePointer
    /// The token under construction: version, time, IV, ciphertext, then the HMAC.
    private var token: [UInt8] = []

    init(signingKey: [UInt8], encryptionKey: [UInt8]) throws(FernetError) {
        guard let cipher = EVP_CIPHER_CTX_new() else { throw .cryptoFailed("cipher setup") }
        guard EVP_EncryptInit_ex(cipher, EVP_aes_128_cbc(), nil, encryptionKey, nil) == 1 else {
            EVP_CIPHER_CTX_free(cipher)
            throw .cryptoFailed("cipher setup")
        }
        guard let algorithm = EVP_MAC_fetch(nil, "HMAC", nil) else {
            EVP_CIPHER_CTX_free(cipher)
            throw .cryptoFailed("HMAC-SHA256 setup")
        }
        defer { EVP_MAC_free(algorithm) }
        guard let mac = EVP_MAC_CTX_new(algorithm) else {
            EVP_CIPHER_CTX_free(cipher)
            throw .cryptoFailed("HMAC-SHA256 setup")
        }
        self.cipher = cipher
        self.mac = mac
        // The key is set once here, and each token's EVP_MAC_init(mac, nil, 0, nil) restarts
        // the HMAC with that key (OpenSSL 3.0 and later).
        var digestName = Array("SHA256".utf8CString)
        let keyed = "digest".withCString { parameterName in
            digestName.withUnsafeMutableBufferPointer { name in
                let parameters = [OSSL_PARAM_construct_utf8_string(parameterName, name.baseAddress, 0),
                                  OSSL_PARAM_construct_end()]
                return EVP_MAC_init(mac, signingKey, signingKey.count, parameters)
            }
        }
        guard keyed == 1 else { throw .cryptoFailed("HMAC-SHA256 setup") }
    }

    deinit {
        EVP_CIPHER_CTX_free(cipher)
        EVP_MAC_CTX_free(mac)
    }

    /// The bytes of a token for `plaintextCount` bytes, before base64: version, time, IV, the
    /// padded ciphertext and the HMAC.
    static func tokenByteCount(plaintextCount: Int) -> Int {
        1 + 8 + 16 + (plaintextCount / 16 + 1) * 16 + 32
    }

    /// Returns the base64 token of `plaintext` encrypted with `iv` (16 bytes).
    func token(for plaintext: UnsafeBufferPointer<UInt8>, iv: UnsafeBufferPointer<UInt8>, time: UInt64) throws(FernetError) -> String {
        try seal(plaintext, iv: iv, time: time)
        return token.withUnsafeBufferPointer { Base64URL.encode($0) }
    }

    /// Writes the base64 token of `plaintext` at `output`, which must have room for
    /// `Base64URL.encodedCount(tokenByteCount(plaintextCount:))` bytes; returns the count written.
    func encodeToken(for plaintext: UnsafeBufferPointer<UInt8>, iv: UnsafeBufferPointer<UInt8>, time: UInt64,
                     into output: UnsafeMutablePointer<UInt8>) throws(FernetError) -> Int {
        try seal(plaintext, iv: iv, time: time)
        return token.withUnsafeBufferPointer { Base64URL.encode($0, into: output) }
    }

    /// Builds the token's bytes in `token`: the header, the ciphertext of `plaintext` and the HMAC.
    private func seal(_ plaintext: UnsafeBufferPointer<UInt8>, iv: UnsafeBufferPointer<UInt8>, time: UInt64) throws(FernetError) {
        let signedCount = Self.tokenByteCount(plaintextCount: plaintext.count) - 32
        token.removeAll(keepingCapacity: true)
        token.reserveCapacity(signedCount + 32)
        token.append(0x80)
        for shift in stride(from: 56, through: 0, by: -8) {
            token.append(UInt8(truncatingIfNeeded: time >> UInt64(shift)))
        }
        token.append(contentsOf: iv)
        token.append(contentsOf: repeatElement(0, count: signedCount + 32 - token.count))

        let cipher = self.cipher, mac = self.mac
        try token.withUnsafeMutableBufferPointer { buffer throws(FernetError) in
            let base = buffer.baseAddress!
            var produced: Int32 = 0, finalLength: Int32 = 0
            // A nil cipher and key keep the key schedule from init, so only the IV is replaced.
            guard EVP_EncryptInit_ex(cipher, nil, nil, nil, iv.baseAddress) == 1,
                  EVP_EncryptUpdate(cipher, base + 25, &produced, plaintext.baseAddress, Int32(plaintext.count)) == 1,
                  EVP_EncryptFinal_ex(cipher, base + 25 + Int(produced), &finalLength) == 1,
                  25 + Int(produced + finalLength) == signedCount
            else { throw .cryptoFailed("encryption") }

            var macLength = 0
            guard EVP_MAC_init(mac, nil, 0, nil) == 1,
                  EVP_MAC_update(mac, base, signedCount) == 1,
                  EVP_MAC_final(mac, base + signedCount, &macLength, 32) == 1, macLength == 32
            else { throw .cryptoFailed("HMAC-SHA256") }
        }
    }
}
