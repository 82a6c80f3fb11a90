/// The compiled-in sender table: `header<TAB>institution<TAB>type<TAB>source` per line.
///
/// Source codes: `SENDERS:<codes>` marks rows taken from public material summarised in the
/// project's sender research (PW = pennywiseai-tracker parsers, SCG = a public sender
/// classification of a real inbox, CRD = Credeau's public docs, and so on).
enum SenderTable {
    static let defaultTSV = #"""
# header	institution	type	source
SBIINB	State Bank of India	bank	SENDERS:PW,SCG
SBIUPI	State Bank of India	bank	SENDERS:PW,SCG,CRD
HDFCBK	HDFC Bank	bank	SENDERS:PW,PWT,SCG,VND
ICICIB	ICICI Bank	bank	SENDERS:PW,SCG,VND
ICICIT	ICICI Bank	bank	SENDERS:PWT,SCG,NEWS
AXISBK	Axis Bank	bank	SENDERS:PW,PWT
"""#
}
