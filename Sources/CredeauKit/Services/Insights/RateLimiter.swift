import Dispatch
import Synchronization

/// Counts requests per client address in fixed one-minute windows.
public struct RateLimitWindows: Sendable {
    public let limit: Int
    public let windowSeconds: Int
    private var windows: [String: (start: Int64, count: Int)] = [:]
    /// Addresses tracked at most; expired windows are dropped when the table grows past this.
    private let maxKeys = 100_000

    public init(limit: Int, windowSeconds: Int = 60) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// The answer to one request.
    public enum Decision: Equatable, Sendable {
        case allowed
        /// Over the limit; the window resets in `retryAfterSeconds`.
        case limited(retryAfterSeconds: Int)
    }

    /// Counts one request from `key` at `nowSeconds` (a monotonic clock).
    public mutating func admit(_ key: String, nowSeconds: Int64) -> Decision {
        let windowStart = nowSeconds - nowSeconds % Int64(windowSeconds)
        if windows.count >= maxKeys {
            windows = windows.filter { $0.value.start == windowStart }
        }
        var entry = windows[key] ?? (windowStart, 0)
        if entry.start != windowStart { entry = (windowStart, 0) }
        guard entry.count < limit else {
            return .limited(retryAfterSeconds: Int(windowStart + Int64(windowSeconds) - nowSeconds))
        }
        entry.count += 1
        windows[key] = entry
        return .allowed
    }
}

/// The per-address request limit of the Insights API, shared by every request thread.
public final class RateLimiter: Sendable {
    private let windows: Mutex<RateLimitWindows>
    /// Peers whose `X-Forwarded-For` header is believed (the load balancers).
    public let trustedProxies: TrustedProxies

    public init(limitPerMinute: Int, trustedProxies: TrustedProxies = .none) {
        windows = Mutex(RateLimitWindows(limit: limitPerMinute))
        self.trustedProxies = trustedProxies
    }

    public func admit(_ request: HTTPRequest) -> RateLimitWindows.Decision {
        let key = clientAddress(of: request)
        let now = Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000_000)
        return windows.withLock { $0.admit(key, nowSeconds: now) }
    }

    /// The caller's address: the peer, or, when the peer is a trusted proxy, the right-most
    /// `X-Forwarded-For` entry that is not a trusted proxy itself. An entry that is no IP address
    /// (`junk`, `7.7.7.07`) counts as the proxy, so made-up values do not each get a window.
    public func clientAddress(of request: HTTPRequest) -> String {
        guard trustedProxies.contains(request.clientAddress), let forwarded = request.header("x-forwarded-for") else {
            return request.clientAddress
        }
        let hops = forwarded.split(separator: ",").map { TrustedProxies.canonicalAddress(String($0.trimmingSpaces())) }
            .filter { !$0.isEmpty }
        guard let hop = hops.last(where: { !trustedProxies.contains($0) }) ?? hops.first,
              TrustedProxies.addressBytes(hop) != nil
        else { return request.clientAddress }
        return hop
    }
}
