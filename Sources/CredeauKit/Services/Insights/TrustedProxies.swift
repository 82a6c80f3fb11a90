#if canImport(Glibc)
import Glibc
#endif

/// The peers whose `X-Forwarded-For` header the rate limiter believes: addresses and networks
/// (`10.0.0.0/8`, `fd00::/8`), IPv4 or IPv6, from `INSIGHTS_TRUSTED_PROXIES`.
public struct TrustedProxies: Sendable, Equatable {
    /// One network: its address bytes (4 or 16) and how many leading bits must match.
    struct Network: Sendable, Equatable {
        var bytes: [UInt8]
        var prefixLength: Int
    }

    let networks: [Network]

    public static let none = TrustedProxies(networks: [])

    init(networks: [Network]) {
        self.networks = networks
    }

    /// Reads a comma-separated list; fails naming the first entry that is not an address
    /// or a network of one.
    public static func parse(_ text: String) -> Result<TrustedProxies, InvalidEntry> {
        var networks: [Network] = []
        for entry in text.split(separator: ",").map({ String($0.trimmingSpaces()) }) where !entry.isEmpty {
            guard let network = network(entry) else { return .failure(InvalidEntry(entry: entry)) }
            networks.append(network)
        }
        return .success(TrustedProxies(networks: networks))
    }

    /// An entry of `INSIGHTS_TRUSTED_PROXIES` that is neither an IP address nor a network.
    public struct InvalidEntry: Error, Equatable {
        public var entry: String
    }

    /// True when `address` (as a peer or an `X-Forwarded-For` hop gives it) lies in one of the networks.
    public func contains(_ address: String) -> Bool {
        guard !networks.isEmpty, let bytes = Self.addressBytes(address) else { return false }
        return networks.contains { network in
            network.bytes.count == bytes.count && Self.leadingBitsMatch(network.bytes, bytes, count: network.prefixLength)
        }
    }

    private static func network(_ entry: String) -> Network? {
        let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = addressBytes(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        guard parts.count == 2 else { return Network(bytes: bytes, prefixLength: bits) }
        guard !parts[1].isEmpty, parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), parts[1].count <= 3,
              var length = Int(parts[1]) else { return nil }
        // An IPv4 network written as IPv6 (`::ffff:10.0.0.0/104`) counts its prefix over 128 bits.
        if bytes.count == 4, parts[0].contains(":") {
            guard length >= 96 else { return nil }
            length -= 96
        }
        guard (0...bits).contains(length) else { return nil }
        return Network(bytes: bytes, prefixLength: length)
    }

    /// Returns one spelling of the address in `hop`, an `X-Forwarded-For` entry, so that
    /// `1.1.1.1`, `1.1.1.1:80`, `::ffff:1.1.1.1` and `[::ffff:1.1.1.1]:80` count as one client.
    /// Text that is no address is returned unchanged.
    static func canonicalAddress(_ hop: String) -> String {
        var text = hop
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])
        }
        guard let bytes = addressBytes(text) else { return hop }
        var output = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let written = bytes.withUnsafeBytes { raw in
            inet_ntop(family, raw.baseAddress, &output, socklen_t(output.count))
        }
        guard written != nil else { return hop }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Returns the 4 or 16 bytes of an IPv4 or IPv6 address, or nil for anything else. An IPv4 address
    /// written as IPv6 (`::ffff:10.0.0.1`) counts as that IPv4 address.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }

    private static func leadingBitsMatch(_ left: [UInt8], _ right: [UInt8], count: Int) -> Bool {
        var remaining = count
        var index = 0
        while remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if left[index] & mask != right[index] & mask { return false }
            remaining -= 8
            index += 1
        }
        return true
    }
}
