/// Renders `ScaleAdvice` as CSV with RFC 4180 quoting: a header row and one row per component.
///
/// Columns: `component,title,group,min_nodes,max_nodes,source,vcpu,ram_gb,disk_gb,dau,basis`;
/// `disk_gb` is empty where the node has no documented disk.
public enum ScaleAdviceCSVRenderer {
    public static let header = ["component", "title", "group", "min_nodes", "max_nodes", "source", "vcpu", "ram_gb",
                                "disk_gb", "dau", "basis"]

    /// Renders the CSV text. Lines end in LF rather than RFC 4180's CRLF, which suits `cut`, `awk` and spreadsheets alike.
    public static func render(_ advice: ScaleAdvice) -> String {
        var lines = [header.joined(separator: ",")]
        for entry in advice.entries {
            let node = entry.nodeSpecification
            let basis = entry.source == .calibrated ? "calibrated" : advice.ladderBasis.kind
            let fields = [
                entry.component.rawValue, entry.component.title, entry.component.group.rawValue,
                String(entry.range.lower), String(entry.range.upper), entry.source.rawValue,
                String(node.vcpu), String(node.ramGB), node.diskGB.map(String.init) ?? "", String(advice.dau), basis,
            ]
            lines.append(fields.map(escaped).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
