import Foundation
import Testing

/// Helpers for the checks of the Dockerfile, the Compose file and the Kubernetes manifests,
/// which cannot run on the build machines (no Docker engine, no cluster).
enum DeploymentTestSupport {
    /// Variables that the existing deployments' `.env` files set for the Insights API. The names
    /// are fixed, because operators copy their current files.
    static let insightsVariables = [
        "LAUNCH_ENVIRONMENT", "CLIENT_ID",
        "DI_POSTGRES_USERNAME", "DI_POSTGRES_PASSWORD", "DI_POSTGRES_HOST", "DI_POSTGRES_PORT",
        "DI_POSTGRES_DATABASE", "DI_POSTGRES_SYNC_DATABASE",
        "SMS_EXTRACTOR_SERVICE_URL", "SMS_EXTRACTOR_BATCH_SIZE",
        "DI_MONGODB_USERNAME", "DI_MONGODB_PASSWORD", "DI_MONGODB_HOST", "DI_MONGODB_PORT", "DI_MONGODB_DATABASE",
        "DI_MONGODB_ENABLED_SOURCES", "DI_MONGODB_MAX_POOL_SIZE", "DI_MONGODB_MIN_POOL_SIZE",
        "DI_MONGODB_SERVER_SELECTION_TIMEOUT_MS", "DI_MONGODB_CONNECT_TIMEOUT_MS", "DI_MONGODB_SOCKET_TIMEOUT_MS",
        "DI_MONGODB_RETRY_WRITES", "DI_MONGODB_WAIT_QUEUE_TIMEOUT_MS",
    ]

    /// Variables that the existing deployments' `.env` files set for the SMS Extraction API.
    static let smsVariables = [
        "LAUNCH_ENVIRONMENT", "DB_USER", "DB_PASSWORD", "DB_HOST", "DB_PORT", "DB_NAME", "MAX_SMS_COUNT",
        "DB_ENCRYPTION_KEY",
    ]

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: CLITestSupport.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The Python interpreter with PyYAML that scripts/run-tests.sh exports, or nil (with a
    /// notice) when the tests run without it.
    static func testPython(for check: String) -> URL? {
        guard let path = ProcessInfo.processInfo.environment["CREDEAU_TEST_PYTHON"], !path.isEmpty else {
            print("NOTICE: CREDEAU_TEST_PYTHON is not set; skipping \(check) (scripts/run-tests.sh sets it)")
            return nil
        }
        return URL(fileURLWithPath: path)
    }

    /// The outcome of Tests/DeploymentChecks/check_deployment.py.
    struct CheckReport: Decodable {
        var checked: Int
        var problems: [String]
    }

    /// Runs `check_deployment.py <mode>` over the repository, feeding `stdin`.
    static func runChecker(_ python: URL, mode: String, stdin: Data? = nil) throws -> CheckReport {
        let variables = ["insights": insightsVariables, "sms": smsVariables]
        let variablesJSON = String(decoding: try JSONEncoder().encode(variables), as: UTF8.self)
        let script = CLITestSupport.packageRoot.appendingPathComponent("Tests/DeploymentChecks/check_deployment.py")
        let result = try CLITestSupport.runProcess(
            python, [script.path, mode, CLITestSupport.packageRoot.path, variablesJSON], stdin: stdin)
        try #require(result.status == 0, "check_deployment.py \(mode) failed: \(result.stderr)")
        return try JSONDecoder().decode(CheckReport.self, from: Data(result.stdout.utf8))
    }
}
