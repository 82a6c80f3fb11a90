/// Direction or outcome of a call, from the text names or the Android `CallLog.Calls.TYPE` codes.
public enum CallType: String, Sendable {
    case incoming, outgoing, missed, rejected, other

    /// Maps Android codes: 1 incoming, 2 outgoing, 3 missed, 5 rejected; other codes are `other`.
    init(androidCode: Int64) {
        switch androidCode {
        case 1: self = .incoming
        case 2: self = .outgoing
        case 3: self = .missed
        case 5: self = .rejected
        default: self = .other
        }
    }
}

/// One call-log entry. `dateMillis` is the call start in epoch milliseconds.
public struct CallLogRecord: Sendable, Equatable {
    public var callID: String?
    public var number: String
    public var type: CallType
    public var durationSeconds: Int
    public var dateMillis: Int64
    public var name: String?

    public init(
        callID: String? = nil, number: String, type: CallType, durationSeconds: Int, dateMillis: Int64,
        name: String? = nil
    ) {
        self.callID = callID
        self.number = number
        self.type = type
        self.durationSeconds = durationSeconds
        self.dateMillis = dateMillis
        self.name = name
    }
}
