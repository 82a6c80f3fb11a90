@testable import CredeauKit
import Testing

/// Whether an `Accept-Encoding` header lets the services gzip a response.
@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        ("gzip", true),
        ("GZIP", true),
        ("x-gzip", true),
        ("*", true),
        ("deflate, *;q=0.5", true),
        ("gzip, deflate, br", true),
        ("br;q=1.0, gzip;q=0.8, *;q=0.1", true),
        ("gzip ; q=0.001", true),
        ("identity", false),
        ("deflate, br", false),
        ("", false),
        ("gzip;q=0", false),
        ("gzip;q=0.000", false),
        ("x-gzip;q=0", false),
        ("*;q=0", false),
        ("gzip;q=0, *", false),
        ("*, gzip;q=0", false),
        ("gzip;q=0, x-gzip", true),
        ("gzip;q=2", false),
        ("gzip;q=high", false),
    ])
    func gzipAccepted(header: String, expected: Bool) {
        #expect(AcceptEncoding.acceptsGzip(header) == expected)
    }

    @Test func missingHeaderGetsNoGzip() {
        #expect(!AcceptEncoding.acceptsGzip(nil))
    }
}
