import CredeauKit
import Foundation

/// Writes a synthetic mongoexport dump folder (one JSON Lines file per collection) and runs the
/// batch feature extraction of `credeau extract` over it with 1 and then 2 worker threads,
/// printing users per second and the speed-up.
///
/// Options: `--users N` (default 2,000), `--sms N` per user (default 5,000), `--seed N`.
/// Each user also gets 300 apps, 2,000 call logs and 1,000 contacts and one device snapshot.
/// Returns the users per second with 1 and 2 workers.
@discardableResult
func runBatchBenchmark(arguments: [String]) -> (one: Double, two: Double) {
    var users = 2_000
    var smsPerUser = 5_000
    var seed: UInt64 = 42
    var index = 0
    while index < arguments.count {
        let value = index + 1 < arguments.count ? arguments[index + 1] : ""
        switch arguments[index] {
        case "--users": users = max(1, Int(value) ?? users)
        case "--sms": smsPerUser = max(0, Int(value) ?? smsPerUser)
        case "--seed": seed = UInt64(value) ?? seed
        default: print("Ignoring unknown option '\(arguments[index])'")
        }
        index += 2
    }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("credeau-bench-dump-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let generationStart = ContinuousClock.now
    let bytes: Int
    do {
        var writer = SyntheticDumpWriter(folder: folder, seed: seed, smsPerUser: smsPerUser)
        bytes = try writer.write(users: users)
    } catch {
        StandardStreams.writeError("Error: failed to write the synthetic dump: \(error)\n")
        exit(ExitStatus.failure)
    }
    let generationSeconds = seconds(ContinuousClock.now - generationStart)
    print("batch: dump of \(users) users (\(smsPerUser) SMS, 300 apps, 2,000 call logs, 1,000 contacts each), "
          + "\(bytes / 1_000_000) MB, written in \(String(format: "%.1f", generationSeconds)) s")

    var rates: [Double] = []
    for workers in [1, 2] {
        let output = folder.appendingPathComponent("users-\(workers).jsonl").path
        let columns = FeatureColumns(groupings: Set(FeatureGrouping.allCases), scores: .empty)
        let job = FeatureBatchJob(options: FeatureBatchJob.Options(
            input: .dumpFolder(folder.path), columns: columns, cutoffMillis: SyntheticDumpWriter.cutoffMillis,
            workers: workers))
        do {
            let writer = try FeatureOutput.makeWriter(path: output, format: .jsonl, names: columns.names)
            let summary = try job.run(writer: writer)
            rates.append(summary.usersPerSecond)
            print("batch extract, \(workers) worker\(workers == 1 ? "" : "s"): \(summary.written) users in "
                  + String(format: "%.1f s, %.2f users/s", summary.elapsedSeconds, summary.usersPerSecond))
        } catch {
            StandardStreams.writeError("Error: batch extract failed: \(error)\n")
            exit(ExitStatus.failure)
        }
        try? FileManager.default.removeItem(atPath: output)
    }
    print("batch extract speed-up, 2 workers over 1: " + String(format: "%.2fx", rates[1] / max(rates[0], 1e-9)))
    return (rates[0], rates[1])
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
