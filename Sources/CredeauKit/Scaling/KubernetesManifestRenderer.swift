/// Renders Kubernetes manifests for the two services at the advised replica counts: per service a
/// Deployment, a Service and an autoscaling/v2 HorizontalPodAutoscaler, as one multi-document YAML.
///
/// One replica is one node of the advice (4 vCPU / 16 GB on the ladder, or the cores per node of
/// the calibrated model), so each pod requests most of such a node. The autoscaler follows the
/// scale-up rule: 50 % average CPU or memory use against the requests, held for a 60-second
/// scale-up stabilisation window.
public enum KubernetesManifestRenderer {
    /// Components this renderer writes manifests for; others in the advice are skipped.
    public static let services: [ScalingComponent] = [.insightsAPI, .smsExtractionAPI]

    /// CPU, in millicores, that each pod leaves to the kubelet and system daemons of its node. It is
    /// an estimate, so compare with the node's allocatable figures (`kubectl describe node`).
    public static let cpuReserveMillicores = 500
    /// Memory of a pod on the 16 GB node that both services run on, leaving the rest to the system.
    public static let memoryRequest = "12Gi"
    public static let memoryLimit = "14Gi"

    /// The largest replica count a Deployment or autoscaler accepts, which is the int32 maximum.
    public static let maximumReplicas = Int(Int32.max)

    /// Returns the CPU request of a pod that fills `node`, such as `3500m` for 4 vCPU.
    public static func cpuRequest(for node: NodeSpecification) -> String {
        "\(node.vcpu * 1_000 - cpuReserveMillicores)m"
    }

    /// Returns the CPU limit of a pod on `node`: all of its virtual CPUs.
    public static func cpuLimit(for node: NodeSpecification) -> String {
        "\(node.vcpu)"
    }

    /// ConfigMap that both services read settings from; optional, so that a Secret made from a
    /// whole `.env` file is enough. The Secret comes second in `envFrom`, so its values win.
    public static let configMapName = "credeau-config"

    public static func defaultImage() -> String { "credeau:\(CredeauVersion.current)" }

    /// Renders manifests for every service entry in `advice`, or returns nil when the advice has none.
    /// - Throws: `ScalingError.tooManyReplicas` when an upper bound is above `maximumReplicas`.
    public static func render(_ advice: ScaleAdvice, image: String) throws(ScalingError) -> String? {
        let entries = advice.entries.filter { services.contains($0.component) }
        guard !entries.isEmpty else { return nil }
        if let entry = entries.first(where: { $0.range.upper > maximumReplicas }) {
            throw .tooManyReplicas(component: entry.component.title, replicas: entry.range.upper, maximum: maximumReplicas)
        }

        var text = "# Kubernetes manifests written by 'credeau scale-advise' for \(NumberText.grouped(advice.dau)) daily active users.\n"
        for entry in entries {
            let basis = entry.source == .calibrated ? "calibrated model" : "published ladder, \(advice.ladderBasis.phrase)"
            text += "# \(entry.component.title): \(entry.range) replicas (\(basis)), "
                + "each sized to one \(entry.nodeSpecification.summary) node.\n"
        }
        text += """
            # Create the Secrets named under envFrom from your .env files
            # (kubectl create secret generic NAME --from-env-file=FILE) first.
            # The ConfigMap \(configMapName) (deploy/k8s/configmap.yaml) is optional.

            """
        for entry in entries {
            let names = Names(entry.component)
            text += "---\n" + deployment(entry, names: names, image: image)
            text += "---\n" + service(names)
            text += "---\n" + autoscaler(entry, names: names, rule: advice.scaleUpRule)
        }
        return text
    }

    /// Object names, port and subcommand of one service.
    struct Names {
        var name: String
        var port: Int
        var subcommand: String
        var secret: String { "\(name)-env" }

        init(_ component: ScalingComponent) {
            name = "credeau-\(component.rawValue)"
            switch component {
            case .smsExtractionAPI:
                port = 8082
                subcommand = "serve-sms"
            default:
                port = 8000
                subcommand = "serve-insights"
            }
        }
    }

    private static func labels(_ names: Names, indent: String) -> String {
        "\(indent)app.kubernetes.io/name: \(names.name)\n\(indent)app.kubernetes.io/part-of: credeau\n"
    }

    /// Renders the `metadata` block that every object of one service starts with.
    private static func metadata(_ names: Names) -> String {
        "metadata:\n  name: \(names.name)\n  labels:\n" + labels(names, indent: "    ")
    }

    private static func deployment(_ entry: ScaleAdvice.Entry, names: Names, image: String) -> String {
        var environment = ""
        if entry.component == .insightsAPI {
            let extractor = Names(.smsExtractionAPI)
            environment = """
                          env:
                            - name: SMS_EXTRACTOR_SERVICE_URL
                              value: "http://\(extractor.name):\(extractor.port)"

                """
        }
        return """
            apiVersion: apps/v1
            kind: Deployment
            \(metadata(names))spec:
              replicas: \(entry.range.lower)
              selector:
                matchLabels:
                  app.kubernetes.io/name: \(names.name)
              template:
                metadata:
                  labels:
            \(labels(names, indent: "        "))    spec:
                  containers:
                    - name: credeau
                      image: \(JSONText.quoted(image))
                      args: ["\(names.subcommand)"]
                      ports:
                        - name: http
                          containerPort: \(names.port)
                      envFrom:
                        - configMapRef:
                            name: \(configMapName)
                            optional: true
                        - secretRef:
                            name: \(names.secret)
            \(environment)          resources:
                        requests:
                          cpu: "\(cpuRequest(for: entry.nodeSpecification))"
                          memory: "\(memoryRequest)"
                        limits:
                          cpu: "\(cpuLimit(for: entry.nodeSpecification))"
                          memory: "\(memoryLimit)"
                      livenessProbe:
                        httpGet:
                          path: /health
                          port: http
                        periodSeconds: 10
                        timeoutSeconds: 5
                      readinessProbe:
                        httpGet:
                          path: /ready
                          port: http
                        periodSeconds: 10
                        timeoutSeconds: 5

            """
    }

    private static func service(_ names: Names) -> String {
        """
        apiVersion: v1
        kind: Service
        \(metadata(names))spec:
          type: ClusterIP
          selector:
            app.kubernetes.io/name: \(names.name)
          ports:
            - name: http
              port: \(names.port)
              targetPort: http

        """
    }

    private static func autoscaler(_ entry: ScaleAdvice.Entry, names: Names, rule: ScaleUpRule) -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        \(metadata(names))spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: \(names.name)
          minReplicas: \(entry.range.lower)
          maxReplicas: \(entry.range.upper)
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: \(rule.cpuPercent)
            - type: Resource
              resource:
                name: memory
                target:
                  type: Utilization
                  averageUtilization: \(rule.ramPercent)
          behavior:
            scaleUp:
              stabilizationWindowSeconds: \(rule.sustainedSeconds)

        """
    }
}
