/// The compiled-in header table: `header<TAB>institution<TAB>type<TAB>source` per line.
///
/// The source column lists comma-separated source codes, each optionally followed by `:detail`;
/// docs/senders.md defines every code. Rows marked `unverified` have no public record, and their
/// detail names what they rest on.
enum SenderTable {
    static let defaultTSV = bankRows + "\n" + otherRows
}
