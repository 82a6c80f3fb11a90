/// Draws one progress line on standard error: percentage, SMS done and the SMS rate.
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
        let now = ExtractSMSJob.nowMillis()
        guard now - lastDrawMillis >= 100 else { return }
        lastDrawMillis = now
        let elapsed = max(Double(now - startedMillis) / 1000, 0.001)
        let percent = Int((progress.fraction * 100).rounded(.down))
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        let rate = Int(Double(progress.smsDone) / elapsed)
        // The first half of the bytes is the indexing pass, which extracts nothing yet.
        let phase = progress.bytesDone * 2 <= progress.bytesTotal ? "indexing" : "extracting"
        let line = "\(phase) [\(bar)] \(percent)%  \(ExtractSMSSummary.grouped(progress.smsDone)) SMS"
            + "  \(ExtractSMSSummary.grouped(rate)) SMS/s"
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
