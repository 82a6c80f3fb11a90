import CStartup
import CredeauKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Benchmark driver for `make bench`; each benchmark lives in its own file beside this one.
_ = credeau_startup_linked()
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    Usage: credeau-bench <extraction|features|scores|batch|serve-sms|serve-sms-profile|insights|all> [options]
      extraction [--count N] [--seed S]
                  Run the SMS extractor on one thread over N synthetic SMS (default 1000000)
                  generated on the fly, and print SMS per second and peak resident memory.
      features [--iterations N] [--seed S]
                  Featurise one synthetic user (5,000 SMS, 300 apps, 2,000 call logs, 1,000
                  contacts) N times (default 300) for all groupings; print median and p99.
      scores [--iterations N] [--seed S]
                  Score one synthetic user's features with a synthetic 500-tree, 63-leaf
                  LightGBM model N times (default 20000); print median and p99.
      batch [--users N] [--sms N] [--seed S]
                  Write a synthetic dump of N users (default 2000; each with 5,000 SMS, 300 apps,
                  2,000 call logs and 1,000 contacts) to a temporary folder and run the batch
                  feature extraction over it with 1 and 2 workers; print users/s and the speed-up.
      serve-sms [--seconds N] [--connections N] [--batch N]
                  Load-test a local 'credeau serve-sms' (release build) on SQLite, and on
                  PostgreSQL when CREDEAU_BENCH_PG_URL is set, with batches of N SMS (default
                  1000); print latency, SMS/s per core of the service and its peak RSS.
      insights [--users N] [--sms N] [--seed S] [--pin I,S] [--in-process]
                  Start serve-sms and serve-insights from the credeau binary beside this one and
                  time POST /api/insights for N users (default 20) of N SMS (default 5000), cold
                  and warm; SQLite, or PostgreSQL when CREDEAU_BENCH_PG_URL is set. --pin 0,1
                  runs serve-insights on CPU 0 and serve-sms on CPU 1; --pin 0,0 both on CPU 0.
                  --in-process starts no serve-sms: serve-insights extracts SMS itself, as it
                  does when SMS_EXTRACTOR_SERVICE_URL is unset (--pin 0 puts it on CPU 0).
      serve-sms-profile [--iterations N] [--batch N] [--accept TEXT]
                  Run N requests (default 20) of a batch of SMS (default 1000) through the
                  serve-sms request path in-process, on a temporary SQLite file, for profiling
                  under 'valgrind --tool=callgrind'; no sockets. --accept sends that Accept
                  header (a JSON answer without it).
      all [--figures PATH]
                  Run extraction, features, scores, batch with 200 users, serve-sms and insights
                  with 40 users (on SQLite, again with one CPU per service and with both services
                  on one CPU, in process on one CPU, then on PostgreSQL with serve-sms and in
                  process when CREDEAU_BENCH_PG_URL is set), and write the
                  measured figures as JSON (default bench-out/figures.json) for
                  'credeau scale-advise --calibrate --figures'.
    """

func fail(_ message: String) -> Never {
    StandardStreams.writeError("\(message)\n\(usage)\n")
    exit(ExitStatus.usage)
}

switch arguments.first {
case "extraction":
    do {
        let options = try ExtractionBenchmark.Options(parsing: Array(arguments.dropFirst()))
        ExtractionBenchmark(options: options).run()
    } catch {
        fail("\(error)")
    }
case "features":
    runFeatureBenchmark(arguments: Array(arguments.dropFirst()))
case "scores":
    runScoreBenchmark(arguments: Array(arguments.dropFirst()))
case "batch":
    runBatchBenchmark(arguments: Array(arguments.dropFirst()))
case "serve-sms":
    runServeSMSBenchmark(arguments: Array(arguments.dropFirst()))
case "insights":
    do {
        try InsightsServiceBenchmark(arguments: Array(arguments.dropFirst())).run()
    } catch let error as BenchmarkOptionError {
        fail("\(error)")
    } catch {
        fail("Benchmark failed: \(error)")
    }
case "serve-sms-profile":
    runServeSMSProfileDriver(arguments: Array(arguments.dropFirst()))
case "all":
    var figuresPath = "bench-out/figures.json"
    let rest = Array(arguments.dropFirst())
    if rest.count == 2, rest[0] == "--figures" {
        figuresPath = rest[1]
    } else if !rest.isEmpty {
        fail("Unexpected arguments '\(rest.joined(separator: " "))'")
    }
    let smsPerSecond: Double
    do {
        smsPerSecond = ExtractionBenchmark(options: try ExtractionBenchmark.Options(parsing: [])).run()
    } catch {
        fail("\(error)")
    }
    let millisecondsPerUser = runFeatureBenchmark(arguments: [])
    runScoreBenchmark(arguments: [])
    runBatchBenchmark(arguments: ["--users", "200"])
    runServeSMSBenchmark(arguments: [])
    let insightsRate: Double
    do {
        // The calibration figure comes from the SQLite run; PostgreSQL follows when configured.
        // 40 users, because the p50 of ten moved by several milliseconds from run to run.
        insightsRate = try InsightsServiceBenchmark(arguments: ["--users", "40"], postgresURL: nil).run()
        if ProcessInfo.processInfo.activeProcessorCount >= 2 {
            // One core per service, as on separate nodes, then both services on one core.
            try InsightsServiceBenchmark(arguments: ["--users", "40", "--pin", "0,1"], postgresURL: nil).run()
            try InsightsServiceBenchmark(arguments: ["--users", "40", "--pin", "0,0"], postgresURL: nil).run()
            // The laptop default: no SMS_EXTRACTOR_SERVICE_URL, so serve-insights extracts in process.
            try InsightsServiceBenchmark(arguments: ["--users", "40", "--in-process", "--pin", "0"], postgresURL: nil).run()
        } else {
            try InsightsServiceBenchmark(arguments: ["--users", "40", "--in-process"], postgresURL: nil).run()
        }
        if let url = ProcessInfo.processInfo.environment["CREDEAU_BENCH_PG_URL"], !url.isEmpty {
            try InsightsServiceBenchmark(arguments: ["--users", "40"], postgresURL: url).run()
            try InsightsServiceBenchmark(arguments: ["--users", "40", "--in-process"], postgresURL: url).run()
        }
    } catch {
        fail("\(error)")
    }
    let figures = ThroughputFigures(extractionSMSPerSecondPerCore: smsPerSecond.rounded(),
                                    featurizeMillisecondsPerUser: (millisecondsPerUser * 100).rounded() / 100,
                                    insightsRequestsPerSecondPerCore: (insightsRate * 100).rounded() / 100)
    let url = URL(fileURLWithPath: figuresPath)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try figures.encodedFigureFile().write(to: url, atomically: true, encoding: .utf8)
    } catch {
        StandardStreams.writeError("Error: cannot write '\(figuresPath)': \(error.localizedDescription)\n")
        exit(ExitStatus.failure)
    }
    print("figures written to \(figuresPath); use: credeau scale-advise --dau 100K --calibrate --figures \(figuresPath)")
default:
    fail("Missing or unknown benchmark '\(arguments.first ?? "")'")
}
