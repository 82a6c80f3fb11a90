import Foundation
import Testing

/// Checks deploy/docker-compose.yml and deploy/env.example, which cannot be started here.
@Suite struct ComposeFileTests {
    /// Runs without Python, so the variable names are checked on every machine.
    @Test func envExampleSetsEverySpecVariable() throws {
        let example = try DeploymentTestSupport.text("deploy/env.example")
        for name in Set(DeploymentTestSupport.insightsVariables + DeploymentTestSupport.smsVariables) {
            #expect(example.contains("\n\(name)="), "env.example lacks \(name)")
        }
    }

    @Test func composeWiresDatabasesMigrateAndServices() throws {
        guard let python = DeploymentTestSupport.testPython(for: "the Compose file check") else { return }
        let report = try DeploymentTestSupport.runChecker(python, mode: "compose")
        #expect(report.checked == 5, "expected 5 Compose services, checked \(report.checked)")
        for problem in report.problems {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The PostgreSQL image runs shell files from docker-entrypoint-initdb.d with sh.
    @Test func postgresInitScriptParses() throws {
        let script = CLITestSupport.packageRoot.appendingPathComponent("deploy/postgres-init/10-sync-db.sh")
        let result = try CLITestSupport.runProcess(URL(fileURLWithPath: "/bin/sh"), ["-n", script.path])
        #expect(result.status == 0, "sh -n rejected the init script: \(result.stderr)")
    }
}
