import Foundation
import Testing

/// Checks the deployment files that cannot be exercised here (no Docker engine on the build
/// machines): the runtime image lists every library the binary links, and the YAML parses.
@Suite struct DeploymentFilesTests {
    /// Packages that `debian:bookworm-slim` already contains.
    static let basePackages: Set<String> = ["libc6", "libgcc-s1", "libstdc++6"]

    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runtime packages listed between the `runtime-packages-begin/end` markers of the Dockerfile.
    static func dockerfileRuntimePackages() throws -> Set<String> {
        let text = try String(contentsOf: CLITestSupport.packageRoot.appendingPathComponent("Dockerfile"), encoding: .utf8)
        guard let begin = text.range(of: "# runtime-packages-begin"), let end = text.range(of: "# runtime-packages-end") else {
            return []
        }
        let block = text[begin.upperBound..<end.lowerBound]
        let words = block.split(whereSeparator: { $0.isWhitespace || $0 == "\\" }).map(String.init)
        return Set(words.filter { $0.first?.isLetter == true && $0.contains(where: \.isNumber) || $0 == "ca-certificates" })
    }

    /// The package that installed `path`; Debian 12 registers files under /usr after the /usr
    /// merge, so /lib paths are also tried as /usr/lib.
    static func debianPackage(owning path: String) throws -> String {
        for candidate in [path, "/usr" + path, URL(fileURLWithPath: path).resolvingSymlinksInPath().path] {
            let owner = try output("/usr/bin/dpkg", ["-S", candidate]).split(separator: ":").first.map(String.init) ?? ""
            if !owner.isEmpty { return owner }
        }
        return ""
    }

    /// The debug binary links the same C libraries as the release one; its Swift runtime
    /// libraries (under the toolchain) are linked statically into the image's release build.
    @Test func runtimeImageListsEveryLinkedLibrary() throws {
        let packages = try Self.dockerfileRuntimePackages()
        #expect(packages.contains("libpq5"))
        let dynamic = try Self.output("/usr/bin/readelf", ["-d", CLITestSupport.binary.path])
        let needed = dynamic.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else {
                return nil
            }
            return String(line[line.index(after: open)..<close])
        }
        #expect(needed.contains { $0.hasPrefix("libpq.so") })

        let resolved = try Self.output("/usr/bin/ldd", [CLITestSupport.binary.path])
        for library in needed {
            guard let line = resolved.split(separator: "\n").first(where: { $0.contains(library + " =>") }),
                  let path = line.split(separator: " ").dropFirst(2).first.map(String.init)
            else { continue }
            if path.hasPrefix("/opt/swift") || path.contains("/usr/lib/swift") { continue }
            let owner = try Self.debianPackage(owning: path)
            #expect(!owner.isEmpty, "no Debian package owns \(path)")
            #expect(packages.contains(owner) || Self.basePackages.contains(owner),
                    "\(library) comes from Debian package '\(owner)', which the Dockerfile runtime stage does not install")
        }
    }

    @Test func composeAndEnvExampleUseSpecVariableNames() throws {
        let root = CLITestSupport.packageRoot
        let compose = try String(contentsOf: root.appendingPathComponent("deploy/docker-compose.yml"), encoding: .utf8)
        let example = try String(contentsOf: root.appendingPathComponent("deploy/env.example"), encoding: .utf8)
        for service in ["postgres:", "mongo:", "migrate:", "serve-sms:", "serve-insights:"] {
            #expect(compose.contains("  \(service)"), "compose lacks service \(service)")
        }
        for name in ["DI_POSTGRES_HOST", "DI_MONGODB_ENABLED_SOURCES", "SMS_EXTRACTOR_SERVICE_URL", "DB_HOST",
                     "MAX_SMS_COUNT", "DB_ENCRYPTION_KEY", "LAUNCH_ENVIRONMENT"] {
            #expect(example.contains("\n\(name)="), "env.example lacks \(name)")
        }
    }

    @Test func deploymentYAMLParses() throws {
        guard let python = ProcessInfo.processInfo.environment["CREDEAU_TEST_PYTHON"], !python.isEmpty else {
            print("NOTICE: CREDEAU_TEST_PYTHON is unset; skipping the YAML parse of deploy/")
            return
        }
        let script = """
            import sys, yaml, pathlib
            root = pathlib.Path(sys.argv[1])
            files = [root / "deploy/docker-compose.yml"] + sorted((root / "deploy/k8s").glob("*.yaml"))
            for path in files:
                docs = [d for d in yaml.safe_load_all(path.read_text()) if d is not None]
                assert docs, f"{path} is empty"
            print(len(files))
            """
        let count = try Self.output(python, ["-c", script, CLITestSupport.packageRoot.path])
        #expect(Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 1)
    }
}
