/// Errors of `credeau scale-advise` input: the DAU figure, component names, calibration
/// parameters and the benchmark figure file.
public enum ScalingError: CredeauError, Equatable {
    /// The DAU text is not a number in a supported form, and `reason` names the rule it breaks.
    case invalidDAU(String, reason: String)
    case unknownComponent(String)
    /// A calibration parameter is outside its range; `reason` gives the accepted range.
    case invalidParameter(name: String, value: String, reason: String)
    /// The figure file could not be opened or read.
    case figureFileUnreadable(path: String, reason: String)
    /// The figure file was read but its content is not a valid figure set.
    case figureFileInvalid(path: String, reason: String)
    /// A service needs more replicas than a Kubernetes manifest can hold.
    case tooManyReplicas(component: String, replicas: Int, maximum: Int)

    public var description: String {
        switch self {
        case let .invalidDAU(text, reason):
            return "Invalid daily active users '\(text)': \(reason)"
        case let .unknownComponent(name):
            let names = ScalingComponent.acceptedNames.joined(separator: ", ")
            return "Unknown component '\(name)'; expected one of: \(names)"
        case let .invalidParameter(name, value, reason):
            return "Invalid \(name) '\(value)': \(reason)"
        case let .figureFileUnreadable(path, reason):
            return "Cannot read figure file '\(path)': \(reason)"
        case let .figureFileInvalid(path, reason):
            return "Invalid figure file '\(path)': \(reason); write it with 'make bench' or see docs/scaling.md"
        case let .tooManyReplicas(component, replicas, maximum):
            return "Too many replicas for the \(component): \(NumberText.grouped(replicas)) is above the Kubernetes "
                + "maximum of \(NumberText.grouped(maximum)); lower --dau, --sms-per-user or --peak-factor, or raise --cores-per-node"
        }
    }

    /// 1 when the figure file cannot be read (a runtime failure); 2 for every input value that is wrong.
    public var exitCode: Int32 {
        switch self {
        case .figureFileUnreadable: ExitStatus.failure
        default: ExitStatus.usage
        }
    }
}
