import Foundation
import Testing
@testable import CredeauKit

@Suite struct KubernetesManifestRendererTests {
    static let advice = ScaleAdvisor.advise(dau: 80_000)

    private func manifests() throws -> String {
        try #require(try KubernetesManifestRenderer.render(Self.advice, image: "registry.example/credeau:0.1.0"))
    }

    @Test func manifestsNameKindsPortsAndCommands() throws {
        let text = try manifests()
        #expect(text.components(separatedBy: "\n---\n").count == 7)
        #expect(text.components(separatedBy: "\nkind: Deployment\n").count == 3)
        #expect(text.components(separatedBy: "\nkind: HorizontalPodAutoscaler\n").count == 3)
        #expect(text.contains(#"args: ["serve-insights"]"#))
        #expect(text.contains(#"args: ["serve-sms"]"#))
        #expect(text.contains("containerPort: 8000\n"))
        #expect(text.contains("containerPort: 8082\n"))
        #expect(text.contains(#"value: "http://credeau-sms-extraction-api:8082""#))
    }

    @Test func servicesOutsideSelectionAreSkipped() throws {
        let advice = ScaleAdvisor.advise(dau: 80_000, components: [.smsExtractionAPI, .postgres])
        let text = try #require(try KubernetesManifestRenderer.render(advice, image: "credeau:test"))
        #expect(!text.contains("serve-insights"))
        #expect(try KubernetesManifestRenderer.render(ScaleAdvisor.advise(dau: 80_000, components: [.mongodb]),
                                                  image: "credeau:test") == nil)
    }

    /// Loads the manifests with PyYAML and checks the objects it finds, so that indentation
    /// mistakes fail here rather than in `kubectl apply`.
    @Test func manifestsParseAsYAML() throws {
        guard let python = ProcessInfo.processInfo.environment["CREDEAU_TEST_PYTHON"], !python.isEmpty else {
            print("NOTICE: CREDEAU_TEST_PYTHON is not set; skipping the PyYAML check of the Kubernetes manifests "
                + "(scripts/run-tests.sh sets it)")
            return
        }
        let summary = try summariseWithPyYAML(try manifests(), python: python)
        let objects = try #require(summary as? [[String: Any]])
        #expect(objects.map { $0["kind"] as? String } == [
            "Deployment", "Service", "HorizontalPodAutoscaler", "Deployment", "Service", "HorizontalPodAutoscaler",
        ])

        let insightsDeployment = objects[0], insightsAutoscaler = objects[2]
        let smsDeployment = objects[3], smsService = objects[4], smsAutoscaler = objects[5]
        #expect(insightsDeployment["name"] as? String == "credeau-insights-api")
        #expect(insightsDeployment["replicas"] as? Int == 5)
        #expect(insightsDeployment["args"] as? [String] == ["serve-insights"])
        #expect(insightsDeployment["image"] as? String == "registry.example/credeau:0.1.0")
        #expect(insightsDeployment["liveness"] as? String == "/health")
        #expect(insightsDeployment["readiness"] as? String == "/ready")
        #expect(insightsDeployment["cpu_request"] as? String == "3500m")
        #expect(insightsAutoscaler["api_version"] as? String == "autoscaling/v2")
        #expect(insightsAutoscaler["min"] as? Int == 5)
        #expect(insightsAutoscaler["max"] as? Int == 8)
        #expect(insightsAutoscaler["utilization"] as? [Int] == [50, 50])
        #expect(insightsAutoscaler["target"] as? String == "credeau-insights-api")

        #expect(smsDeployment["replicas"] as? Int == 3)
        #expect(smsDeployment["args"] as? [String] == ["serve-sms"])
        #expect(smsDeployment["port"] as? Int == 8082)
        #expect(smsService["port"] as? Int == 8082)
        #expect(smsAutoscaler["min"] as? Int == 3)
        #expect(smsAutoscaler["max"] as? Int == 5)
    }

    /// Python that loads every YAML document from standard input and prints a JSON list with the
    /// kind, name and key fields of each object.
    static let summaryScript = """
        import json, sys, yaml
        out = []
        for doc in yaml.safe_load_all(sys.stdin):
            if doc is None:
                continue
            item = {"kind": doc["kind"], "api_version": doc["apiVersion"], "name": doc["metadata"]["name"]}
            spec = doc["spec"]
            if doc["kind"] == "Deployment":
                container = spec["template"]["spec"]["containers"][0]
                item.update(replicas=spec["replicas"], args=container["args"], image=container["image"],
                            port=container["ports"][0]["containerPort"],
                            liveness=container["livenessProbe"]["httpGet"]["path"],
                            readiness=container["readinessProbe"]["httpGet"]["path"],
                            cpu_request=container["resources"]["requests"]["cpu"])
            elif doc["kind"] == "Service":
                item.update(port=spec["ports"][0]["port"])
            else:
                item.update(min=spec["minReplicas"], max=spec["maxReplicas"], target=spec["scaleTargetRef"]["name"],
                            utilization=[m["resource"]["target"]["averageUtilization"] for m in spec["metrics"]])
            out.append(item)
        json.dump(out, sys.stdout)
        """

    /// Runs PyYAML over `yaml` and returns a JSON summary of each object's key fields.
    private func summariseWithPyYAML(_ yaml: String, python: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.summaryScript]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(yaml.utf8))
        try input.fileHandleForWriting.close()
        // The manifests (about 5 KB), the summary and any traceback each fit in a pipe's 64 KB buffer,
        // so writing everything first and reading afterwards cannot deadlock.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "PyYAML failed: \(errorText)")
        return try JSONSerialization.jsonObject(with: data)
    }
}
