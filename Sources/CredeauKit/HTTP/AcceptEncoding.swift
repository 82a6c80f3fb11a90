/// The content codings of an HTTP `Accept-Encoding` header (RFC 9110 section 12.5.3).
enum AcceptEncoding {
    /// Returns whether `header` accepts a gzip response body.
    ///
    /// `x-gzip` is the same coding as `gzip` (RFC 9110 section 8.4.1.3). An entry naming either
    /// decides; without one, `*` decides. A weight of 0 (`q=0`, `q=0.000`) or a weight that is
    /// not a valid q-value means "not acceptable". Without the header the result is false, so
    /// the body is sent uncompressed, which RFC 9110 allows.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var gzipWeight: Double?
        var wildcardWeight: Double?
        for entry in AcceptHeader.splitOutsideQuotes(header, at: ",") {
            let fields = AcceptHeader.splitOutsideQuotes(entry, at: ";").map(AcceptHeader.trimmed)
            guard let coding = fields.first?.lowercased() else { continue }
            let weight = weight(of: fields.dropFirst())
            switch coding {
            case "gzip", "x-gzip":
                gzipWeight = max(gzipWeight ?? 0, weight)
            case "*":
                wildcardWeight = max(wildcardWeight ?? 0, weight)
            default:
                continue
            }
        }
        return (gzipWeight ?? wildcardWeight ?? 0) > 0
    }

    /// Returns the `q` parameter's weight: 1 when absent, 0 when it is not a valid q-value.
    private static func weight(of parameters: ArraySlice<String>) -> Double {
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1).map(AcceptHeader.trimmed)
            guard parts.count == 2, parts[0].lowercased() == "q" else { continue }
            return AcceptHeader.qualityValue(parts[1]) ?? 0
        }
        return 1
    }
}
