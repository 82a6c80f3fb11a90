import CredeauKit
#if canImport(Glibc)
import Glibc
#endif

// Benchmark driver for `make bench`; each benchmark lives in its own file beside this one.
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    Usage: credeau-bench extraction [--count N] [--seed S]
      extraction  Run the SMS extractor on one thread over N synthetic SMS (default 1000000)
                  generated on the fly, and print SMS per second and peak resident memory.
    """

switch arguments.first {
case "extraction":
    do {
        let options = try ExtractionBenchmark.Options(parsing: Array(arguments.dropFirst()))
        ExtractionBenchmark(options: options).run()
    } catch {
        StandardStreams.writeError("\(error)\n\(usage)\n")
        exit(ExitStatus.usage)
    }
default:
    StandardStreams.writeError(usage + "\n")
    exit(ExitStatus.usage)
}
