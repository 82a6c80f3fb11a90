import CZlib

/// gzip (RFC 1952) through zlib, for HTTP bodies.
public enum Gzip {
    public enum Failure: Error, Equatable {
        /// The data is not valid gzip.
        case invalidData
        /// The decompressed data is larger than the allowed maximum.
        case tooLarge
    }

    /// Decompresses `data`, failing with `.tooLarge` past `maxBytes` of output so that a small
    /// compressed body cannot expand without bound.
    ///
    /// Members written one after another (RFC 1952 §2.2, as `cat a.gz b.gz` makes) decompress to
    /// their joined contents. Any other bytes after a member fail with `.invalidData`.
    public static func decompress(_ data: [UInt8], maxBytes: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard credeau_inflate_init_gzip(&stream) == Z_OK else { throw .invalidData }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = data
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let code = chunk.withUnsafeMutableBufferPointer { chunkBuffer -> Int32 in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if output.count + produced > maxBytes { return Z_MEM_ERROR }
                output.append(contentsOf: chunk[0..<produced])
                if code == Z_STREAM_END {
                    guard stream.avail_in > 0 else { return Z_STREAM_END }
                    // Another member must start with the gzip magic bytes 1f 8b.
                    guard stream.avail_in >= 2, stream.next_in[0] == 0x1F, stream.next_in[1] == 0x8B,
                          inflateReset(&stream) == Z_OK
                    else { return Z_DATA_ERROR }
                    continue
                }
                if code != Z_OK { return code }
                if stream.avail_in == 0 && produced == 0 { return Z_BUF_ERROR }
            }
        }
        switch status {
        case Z_STREAM_END: return output
        case Z_MEM_ERROR: throw .tooLarge
        default: throw .invalidData
        }
    }

    /// Compresses `data` into gzip format at a speed-oriented level.
    public static func compress(_ data: [UInt8], level: Int32 = 1) -> [UInt8] {
        var stream = z_stream()
        guard credeau_deflate_init_gzip(&stream, level) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))) + 32)
        var input = data
        let written: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        guard written >= 0 else { return [] }
        output.removeSubrange(written...)
        return output
    }
}
