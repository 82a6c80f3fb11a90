import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Severity of a log record, in swift-log's order.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    public init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { "\($0)" == name.lowercased() }) else { return nil }
        self = level
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Dotted metadata keys, kept in one place so logs stay searchable.
public enum LogKey {
    public static let requestID = "request.id"
    public static let file = "file"
    public static let line = "line"
    public static let field = "field"
    public static let error = "error"
    public static let count = "count"
    public static let durationMs = "duration_ms"
    public static let dbSystem = "db.system"
    public static let dbOperation = "db.operation"
    public static let httpMethod = "http.method"
    public static let httpPath = "http.path"
    public static let httpStatus = "http.status"
}

/// Receives finished log records; `Logger` values share one sink.
public protocol LogSink: Sendable {
    func write(level: LogLevel, label: String, message: String, metadata: [(String, String)])
}

/// A small structured logger in swift-log's shape: a label, a minimum level and metadata.
///
/// CredeauKit takes loggers as parameters; only the executable builds a sink.
public struct Logger: Sendable {
    public var label: String
    public var level: LogLevel
    public var metadata: [(String, String)] = []
    public let sink: any LogSink

    public init(label: String, level: LogLevel = .notice, sink: any LogSink) {
        self.label = label
        self.level = level
        self.sink = sink
    }

    /// A logger that drops everything, for library calls whose caller does not care.
    public static var discarding: Logger { Logger(label: "discard", level: .critical, sink: DiscardingLogSink()) }

    public func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy.metadata.append((key, value))
        return copy
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) {
        guard level >= self.level else { return }
        sink.write(level: level, label: label, message: message(), metadata: self.metadata + metadata)
    }

    public func trace(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.trace, message(), metadata) }
    public func debug(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.debug, message(), metadata) }
    public func info(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.info, message(), metadata) }
    public func notice(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.notice, message(), metadata) }
    public func warning(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.warning, message(), metadata) }
    public func error(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.error, message(), metadata) }
    public func critical(_ message: @autoclosure () -> String, _ metadata: [(String, String)] = []) { log(.critical, message(), metadata) }
}

public struct DiscardingLogSink: LogSink {
    public init() {}
    public func write(level: LogLevel, label: String, message: String, metadata: [(String, String)]) {}
}

/// Writes `time level label: message key=value…` lines to standard error.
public final class StderrLogSink: LogSink {
    private let lock = Mutex(())

    public init() {}

    public func write(level: LogLevel, label: String, message: String, metadata: [(String, String)]) {
        var line = "\(Self.timestamp()) \(level) \(label): \(message)"
        for (key, value) in metadata {
            line += " \(key)=\(value.contains(" ") ? "'\(value)'" : value)"
        }
        line += "\n"
        lock.withLock { _ in
            StandardStreams.writeError(line)
        }
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1_000_000))
    }
}

/// Keeps records in memory, for tests that check what was logged.
public final class InMemoryLogSink: LogSink {
    public struct Record: Sendable {
        public var level: LogLevel
        public var message: String
        public var metadata: [(String, String)]
    }

    private let storage = Mutex<[Record]>([])

    public init() {}

    public var records: [Record] { storage.withLock { $0 } }

    public func write(level: LogLevel, label: String, message: String, metadata: [(String, String)]) {
        storage.withLock { $0.append(Record(level: level, message: message, metadata: metadata)) }
    }
}
