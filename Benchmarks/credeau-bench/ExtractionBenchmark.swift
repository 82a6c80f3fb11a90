import CredeauKit
#if canImport(Glibc)
import Glibc
#endif

/// Measures single-thread extraction speed on synthetic SMS that are generated one at a time,
/// so memory stays flat however many are run.
struct ExtractionBenchmark {
    struct Options {
        var count = 1_000_000
        var seed: UInt64 = 42

        init(parsing arguments: [String]) throws(BenchmarkUsageError) {
            var index = 0
            while index < arguments.count {
                let name = arguments[index]
                guard index + 1 < arguments.count else { throw .missingValue(name) }
                let value = arguments[index + 1]
                switch name {
                case "--count":
                    guard let parsed = Int(value), parsed > 0 else { throw .invalidValue(name, value) }
                    count = parsed
                case "--seed":
                    guard let parsed = UInt64(value) else { throw .invalidValue(name, value) }
                    seed = parsed
                default:
                    throw .unknownOption(name)
                }
                index += 2
            }
        }
    }

    let options: Options

    /// Runs the benchmark, prints its report and returns extraction-only SMS per CPU-second.
    @discardableResult
    func run() -> Double {
        let extractor = SMSExtractor()

        // CPU time of generation alone, subtracted below, because a shared machine makes the wall
        // clock count time this thread spent waiting for a core.
        var generationOnly = SyntheticSMSGenerator(seed: options.seed)
        let generationStarted = threadCPUNanos()
        var checksum = 0
        for index in 0..<options.count {
            checksum &+= generationOnly.next(id: index).body.utf8.count
        }
        let generationCPU = threadCPUNanos() - generationStarted

        var generator = SyntheticSMSGenerator(seed: options.seed)
        var extractNanos: UInt64 = 0
        var transactional = 0
        var classified = 0
        var bodyBytes = 0
        let started = monotonicNanos()
        let cpuStarted = threadCPUNanos()

        for index in 0..<options.count {
            let sms = generator.next(id: index)
            bodyBytes += sms.body.utf8.count
            let before = monotonicNanos()
            let entry = extractor.extract(sms, createdAtMillis: 0)
            extractNanos += monotonicNanos() - before
            if entry.isTransactional { transactional += 1 }
            if entry.isClassified { classified += 1 }
        }

        let totalSeconds = Double(monotonicNanos() - started) / 1e9
        let extractCPUSeconds = Double((threadCPUNanos() - cpuStarted) &- generationCPU) / 1e9
        let extractSeconds = Double(extractNanos) / 1e9
        let count = Double(options.count)
        let lines = [
            "extraction benchmark: \(options.count) synthetic SMS, \(SyntheticSMSGenerator.templateCount) templates, seed \(options.seed), one thread",
            "  mean body length        \(bodyBytes / options.count) bytes",
            "  classified              \(percent(classified, of: options.count)) %, transactional \(percent(transactional, of: options.count)) %",
            "  extraction only, wall   \(Int(count / extractSeconds)) SMS/s (\(format(extractSeconds)) s)",
            "  extraction only, CPU    \(Int(count / extractCPUSeconds)) SMS/s (\(format(extractCPUSeconds)) s of thread CPU time)",
            "  with generation         \(Int(count / totalSeconds)) SMS/s (\(format(totalSeconds)) s)",
            "  peak RSS                \(peakResidentMegabytes()) MB",
        ]
        StandardStreams.writeOutput(lines.joined(separator: "\n") + "\n")
        // Printed so the generation-only loop cannot be optimised away.
        if checksum == 0 { StandardStreams.writeOutput("(empty bodies)\n") }
        return count / extractCPUSeconds
    }

    private func percent(_ part: Int, of whole: Int) -> String {
        format(Double(part) * 100 / Double(max(whole, 1)))
    }

    private func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private func monotonicNanos() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private func threadCPUNanos() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Peak resident set size from getrusage, which Linux reports in kilobytes.
    private func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}

/// A mistake on the benchmark command line.
enum BenchmarkUsageError: Error, CustomStringConvertible {
    case missingValue(String)
    case invalidValue(String, String)
    case unknownOption(String)

    var description: String {
        switch self {
        case .missingValue(let option): return "Missing value for '\(option)'."
        case let .invalidValue(option, value): return "Invalid value '\(value)' for '\(option)': expected a positive integer."
        case .unknownOption(let option): return "Unknown option '\(option)'."
        }
    }
}
