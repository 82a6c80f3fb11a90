import Foundation

/// One deployable part of a credeau installation that the sizing ladder gives a node count for.
///
/// The raw value is the name the CLI accepts (`--component insights-api`) and JSON writes.
public enum ScalingComponent: String, Sendable, CaseIterable {
    case insightsAPI = "insights-api"
    case smsExtractionAPI = "sms-extraction-api"
    case postgres
    case mongodb
    case producer
    case smsConsumer = "sms-consumer"
    case eventsConsumer = "events-consumer"
    case commonConsumer = "common-consumer"
    case kafkaBrokers = "kafka-brokers"

    /// The layer a component belongs to, used to group table output and as a selection alias.
    public enum Group: String, Sendable, CaseIterable {
        case services
        case databases
        case pipeline

        public var title: String {
            switch self {
            case .services: "Services"
            case .databases: "Databases"
            case .pipeline: "Sync pipeline"
            }
        }
    }

    /// The name operators see in table output.
    public var title: String {
        switch self {
        case .insightsAPI: "Insights API"
        case .smsExtractionAPI: "SMS Extraction API"
        case .postgres: "PostgreSQL"
        case .mongodb: "MongoDB"
        case .producer: "Producer"
        case .smsConsumer: "SMS consumer"
        case .eventsConsumer: "Events consumer"
        case .commonConsumer: "Common consumer"
        case .kafkaBrokers: "Kafka brokers"
        }
    }

    public var group: Group {
        switch self {
        case .insightsAPI, .smsExtractionAPI: .services
        case .postgres, .mongodb: .databases
        case .producer, .smsConsumer, .eventsConsumer, .commonConsumer, .kafkaBrokers: .pipeline
        }
    }

    /// The machine one node of this component runs on, as the deployment documentation gives it.
    ///
    /// The documentation states a separate node only for the two databases; every other component
    /// runs on the general 4 vCPU / 16 GB node.
    public var nodeSpecification: NodeSpecification {
        switch self {
        case .postgres: NodeSpecification(vcpu: 2, ramGB: 4, diskGB: 200)
        case .mongodb: NodeSpecification(vcpu: 4, ramGB: 16, diskGB: 2_000)
        default: .generalPurpose
        }
    }

    /// Parses `--component` values: each may be a comma list of component or group names.
    ///
    /// Returns the components in their canonical order, without repeats; an empty input selects all.
    /// - Throws: `ScalingError.unknownComponent` naming the first unknown name.
    public static func parseSelection(_ values: [String]) throws(ScalingError) -> [ScalingComponent] {
        var selected = Set<ScalingComponent>()
        for value in values {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let name = part.trimmingCharacters(in: .whitespaces).lowercased()
                if let component = ScalingComponent(rawValue: name) {
                    selected.insert(component)
                } else if let group = Group(rawValue: name) {
                    selected.formUnion(allCases.filter { $0.group == group })
                } else {
                    throw .unknownComponent(String(part))
                }
            }
        }
        if selected.isEmpty { return allCases }
        return allCases.filter(selected.contains)
    }

    /// Every name `--component` accepts: the components, then the group aliases.
    public static var acceptedNames: [String] {
        allCases.map(\.rawValue) + Group.allCases.map(\.rawValue)
    }
}

/// The machine one node stands for: virtual CPUs, memory and, for databases, disk.
public struct NodeSpecification: Sendable, Equatable {
    public var vcpu: Int
    public var ramGB: Int
    /// Disk size in GB; nil where the documentation sets none.
    public var diskGB: Int?

    public init(vcpu: Int, ramGB: Int, diskGB: Int? = nil) {
        self.vcpu = vcpu
        self.ramGB = ramGB
        self.diskGB = diskGB
    }

    /// The 4 vCPU / 16 GB node that the deployment documentation sizes services and the pipeline on.
    public static let generalPurpose = NodeSpecification(vcpu: 4, ramGB: 16)

    /// Text such as `4 vCPU, 16 GB RAM` or `2 vCPU, 4 GB RAM, 200 GB disk`.
    public var summary: String {
        var text = "\(vcpu) vCPU, \(ramGB) GB RAM"
        if let diskGB {
            text += diskGB >= 1_000 && diskGB % 1_000 == 0 ? ", \(diskGB / 1_000) TB disk" : ", \(diskGB) GB disk"
        }
        return text
    }
}
