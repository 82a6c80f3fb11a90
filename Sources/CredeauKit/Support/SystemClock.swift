#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time from `clock_gettime(CLOCK_REALTIME)`.
public enum SystemClock {
    public static func epochSeconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }

    public static func epochMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000)
    }
}
