import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Checks the Dockerfile without a Docker engine: the runtime stage installs exactly the Debian
/// packages whose libraries the binary links, and its health check command works.
@Suite struct DockerfileTests {
    /// Packages that `debian:bookworm-slim` already contains (essential packages and apt's
    /// dependencies), so the runtime stage need not list them. The release build made with
    /// --static-swift-stdlib links libstdc++ and libgcc_s from them.
    static let basePackages: Set<String> = ["libc6", "libgcc-s1", "libstdc++6"]

    /// Listed for a reason other than linking: libpq and libmongoc read the CA bundle for TLS.
    static let packagesWithoutLibraries: Set<String> = ["ca-certificates"]

    /// Returns the package names of the `apt-get install` between the runtime-packages markers.
    static func runtimePackages() throws -> [String] {
        let text = try DeploymentTestSupport.text("Dockerfile")
        guard let begin = text.range(of: "# runtime-packages-begin\n"),
              let end = text.range(of: "# runtime-packages-end", range: begin.upperBound..<text.endIndex)
        else {
            Issue.record("Dockerfile lacks the runtime-packages-begin/end markers")
            return []
        }
        let words = text[begin.upperBound..<end.lowerBound]
            .split(whereSeparator: { $0.isWhitespace || $0 == "\\" }).map(String.init)
        guard let start = words.firstIndex(of: "--no-install-recommends") else {
            Issue.record("the runtime apt-get install lacks --no-install-recommends")
            return []
        }
        return Array(words[(start + 1)...].prefix(while: { $0 != "&&" }))
    }

    /// Returns the Debian package that installed `path`, or nil. Debian 12 registers some
    /// libraries under /lib and others under /usr/lib (the /usr merge), so both are tried.
    static func debianPackage(owning path: String) throws -> String? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for candidate in [path, "/usr" + path, resolved, "/usr" + resolved] {
            let result = try CLITestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/dpkg"), ["-S", candidate])
            if result.status == 0, let owner = result.stdout.split(separator: ":").first {
                return String(owner)
            }
        }
        return nil
    }

    /// The release binary that the image ships, which `scripts/run-tests.sh` builds. A bare
    /// `swift test` has only the debug binary, which links the same C libraries.
    static var inspectedBinary: URL {
        let release = CLITestSupport.packageRoot.appendingPathComponent(".build/release/credeau")
        return FileManager.default.isExecutableFile(atPath: release.path) ? release : CLITestSupport.binary
    }

    /// Returns the sonames of the binary's `DT_NEEDED` entries, as `readelf -d` prints them.
    static func neededLibraries() throws -> [String] {
        let result = try CLITestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/readelf"),
                                                   ["-d", inspectedBinary.path])
        try #require(result.status == 0, "readelf failed: \(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line in
            guard line.contains("(NEEDED)"), let match = line.firstMatch(of: /\[([^\]]+)\]/) else { return nil }
            return String(match.1)
        }
    }

    /// Maps soname to path for every library that `ldd` resolves. "not found" entries are left out.
    static func resolvedPaths() throws -> [String: String] {
        let result = try CLITestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/ldd"), [inspectedBinary.path])
        try #require(result.status == 0, "ldd failed: \(result.stderr)")
        var paths: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            if let match = line.firstMatch(of: /^\s*(\S+) => (\/\S+)/) {
                paths[String(match.1)] = String(match.2)
            } else if let match = line.firstMatch(of: /^\s*(\/\S+) \(/) {
                // The dynamic loader is printed by path only.
                paths[URL(fileURLWithPath: String(match.1)).lastPathComponent] = String(match.1)
            }
        }
        return paths
    }

    /// Swift runtime libraries (under the toolchain's lib/swift) are skipped, because the image's
    /// build links them statically with --static-swift-stdlib, which another test checks.
    @Test func runtimeStageInstallsExactlyLinkedPackages() throws {
        let listed = try Self.runtimePackages()
        #expect(listed.contains("libpq5"))
        let needed = try Self.neededLibraries()
        #expect(needed.contains { $0.hasPrefix("libpq.so") }, "readelf found no libpq in \(needed)")
        let paths = try Self.resolvedPaths()

        var owners: Set<String> = []
        for library in needed {
            guard let path = paths[library] else {
                Issue.record("ldd cannot resolve \(library), which the binary needs")
                continue
            }
            if path.contains("/lib/swift/") { continue }
            guard let owner = try Self.debianPackage(owning: path) else {
                Issue.record("no Debian package owns \(path) (\(library))")
                continue
            }
            owners.insert(owner)
            #expect(listed.contains(owner) || Self.basePackages.contains(owner),
                    "\(library) comes from Debian package '\(owner)', which the Dockerfile runtime stage does not install")
        }
        for package in listed where !Self.packagesWithoutLibraries.contains(package) {
            #expect(owners.contains(package), "the runtime stage installs '\(package)', but the binary links no library from it")
        }
    }

    @Test func imageRunsServicesAsNonRootUser() throws {
        let text = try DeploymentTestSupport.text("Dockerfile")
        #expect(text.contains("FROM debian:bookworm-slim AS runtime"))
        #expect(text.range(of: #"FROM swift:\S+-bookworm AS build"#, options: .regularExpression) != nil)
        #expect(text.contains("--static-swift-stdlib"))
        #expect(text.contains(#"ENTRYPOINT ["credeau"]"#))
        #expect(text.contains(#"CMD ["serve-insights"]"#))
        #expect(text.contains("EXPOSE 8000 8082"))
        let user = try #require(text.firstMatch(of: /\nUSER (\S+)\n/))
        #expect(!["root", "0", "0:0"].contains(String(user.1)))
        #expect(text.contains("HEALTHCHECK "))
    }

    /// Reads the exec-form command of the Dockerfile's HEALTHCHECK.
    static func healthCheckCommand() throws -> [String] {
        let text = try DeploymentTestSupport.text("Dockerfile")
        let match = try #require(text.firstMatch(of: /HEALTHCHECK [^\n]*\\\n\s*CMD (\[[^\n]+\])\n/))
        return try JSONDecoder().decode([String].self, from: Data(String(match.1).utf8))
    }

    /// Runs the health check against a local HTTP server on a free port instead of 8000/8082.
    @Test func healthCheckProbesHealthPath() throws {
        guard let python = DeploymentTestSupport.testPython(for: "the HEALTHCHECK probe") else { return }
        let command = try Self.healthCheckCommand()
        try #require(command.count == 3 && command[0] == "bash" && command[2].contains("8000 8082"))

        let server = try LocalHealthServer(python: python)
        defer { server.stop() }
        func probe(ports: String, path: String = "/health") throws -> Int32 {
            let script = command[2].replacingOccurrences(of: "8000 8082", with: ports)
                .replacingOccurrences(of: "/health", with: path)
            return try CLITestSupport.runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script]).status
        }
        let closed = try LocalHealthServer.closedPort()
        #expect(try probe(ports: "\(closed) \(server.port)") == 0, "a healthy service on the second port must pass")
        #expect(try probe(ports: "\(closed)") == 1, "no listener must fail")
        #expect(try probe(ports: "\(server.port)", path: "/missing") == 1, "a non-200 answer must fail")
    }
}

/// A Python HTTP server on 127.0.0.1 that returns 200 for /health and 404 for other paths.
final class LocalHealthServer {
    let process = Process()
    let port: Int

    static let script = """
        import http.server, sys
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200 if self.path == "/health" else 404)
                self.end_headers()
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    init(python: URL) throws {
        process.executableURL = python
        process.arguments = ["-c", Self.script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the test HTTP server printed no port"])
        }
        self.port = port
    }

    /// Sends SIGKILL: the test runner's children inherit an ignored SIGTERM, so `terminate()`
    /// would leave the server running.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Returns a port on 127.0.0.1 that nothing listens on, found by binding port 0 and closing it.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        try #require(bound, "cannot bind a probe socket on 127.0.0.1")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
