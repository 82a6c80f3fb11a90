import Synchronization

/// Writes one JSON object per record to standard error, for services whose logs are shipped to
/// a log store: `{"time": "...", "level": "info", "logger": "...", "msg": "...", "<key>": "..."}`.
public final class JSONLogSink: LogSink {
    private let lock = Mutex(())

    public init() {}

    public func write(level: LogLevel, label: String, message: String, metadata: [(String, String)]) {
        var writer = JSONWriter(capacity: 256)
        var members: [(String, JSONValue)] = [
            ("time", .string(UTCTimestamp.iso8601Millis(SystemClock.epochMillis()))), ("level", .string("\(level)")),
            ("logger", .string(label)), ("msg", .string(message)),
        ]
        for (key, value) in metadata {
            members.append((key, .string(value)))
        }
        writer.write(.object(members))
        writer.writeRaw("\n")
        let line = String(decoding: writer.bytes, as: UTF8.self)
        lock.withLock { _ in
            StandardStreams.writeError(line)
        }
    }
}

/// Formats epoch milliseconds as UTC text.
public enum UTCTimestamp {
    /// `2026-03-03T12:35:41.123Z`.
    public static func iso8601Millis(_ millis: Int64) -> String {
        let parts = CivilTime(epochMillis: millis, offsetSeconds: 0)
        return "\(parts.dateText)T\(parts.timeText).\(pad(Int(((millis % 1000) + 1000) % 1000), 3))Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
