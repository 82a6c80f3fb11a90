/// Draws one progress line on standard error: percentage, SMS (or users) done and the rate.
///
/// The caller creates it only when standard error is a terminal. Redraws are limited to ten per
/// second, so calling `update` for every document costs little.
public final class ProgressBar {
    private let startedMillis: Int64
    private var lastDrawMillis: Int64 = 0
    private var isVisible = false

    public init() {
        startedMillis = ExtractSMSJob.nowMillis()
    }

    public func update(_ progress: ExtractProgress) {
        // The first half of the bytes is the indexing pass, which extracts nothing yet.
        let phase = progress.bytesDone * 2 <= progress.bytesTotal ? "indexing" : "extracting"
        draw(phase: phase, fraction: progress.fraction, count: progress.smsDone, total: nil, unit: "SMS")
    }

    /// Shows users featurised out of `total`, for `credeau extract` without `--sms`.
    public func update(usersDone done: Int, total: Int) {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        draw(phase: "featurising", fraction: fraction, count: done, total: total, unit: "users", force: done == total)
    }

    private func draw(phase: String, fraction: Double, count: Int, total: Int?, unit: String, force: Bool = false) {
        let now = ExtractSMSJob.nowMillis()
        guard force || now - lastDrawMillis >= 100 else { return }
        lastDrawMillis = now
        let elapsed = max(Double(now - startedMillis) / 1000, 0.001)
        let percent = Int((min(fraction, 1) * 100).rounded(.down))
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        let rate = Int(Double(count) / elapsed)
        let counted = ExtractSMSSummary.grouped(count) + (total.map { "/" + ExtractSMSSummary.grouped($0) } ?? "")
        let line = "\(phase) [\(bar)] \(percent)%  \(counted) \(unit)  \(ExtractSMSSummary.grouped(rate)) \(unit)/s"
        // \r returns to the line start and ESC[K clears what a longer earlier line left behind.
        StandardStreams.writeError("\r" + line + "\u{1B}[K")
        isVisible = true
    }

    /// Removes the progress line so that later messages start on a clean line.
    public func clear() {
        guard isVisible else { return }
        StandardStreams.writeError("\r\u{1B}[K")
        isVisible = false
    }
}

@available(*, unavailable, message: "A progress bar is drawn from one thread")
extension ProgressBar: Sendable {}
