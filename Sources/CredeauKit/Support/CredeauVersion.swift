/// The release version printed by `credeau --version`.
public enum CredeauVersion {
    public static let current = "0.1.0"
}
