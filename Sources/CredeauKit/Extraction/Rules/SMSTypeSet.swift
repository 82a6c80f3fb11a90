/// A set of `SMSType` values as a bit mask, for checks on every SMS.
///
/// `Set<SMSType>` hashes each type's raw string on every lookup, because raw-value enums take
/// their `Hashable` conformance from `RawRepresentable`. A membership test here is one AND.
struct SMSTypeSet: Sendable, Equatable {
    private var bits: UInt32 = 0

    init<Types: Sequence>(_ types: Types) where Types.Element == SMSType {
        for type in types { bits |= Self.bit(type) }
    }

    func contains(_ type: SMSType) -> Bool {
        bits & Self.bit(type) != 0
    }

    private static func bit(_ type: SMSType) -> UInt32 {
        1 << UInt32(type.ordinal)
    }
}

extension SMSType {
    /// The case's position in the declaration, a small integer for bit masks and tables.
    var ordinal: Int {
        switch self {
        case .accountDebitExecuted: return 0
        case .accountCreditExecuted: return 1
        case .cardDebitExecuted: return 2
        case .cardCreditExecuted: return 3
        case .walletDebitExecuted: return 4
        case .walletCreditExecuted: return 5
        case .loanDisbursed: return 6
        case .loanEMIDue: return 7
        case .loanEMIPaid: return 8
        case .loanOverdue: return 9
        case .billDue: return 10
        case .cardStatement: return 11
        case .paymentBounce: return 12
        case .transactionDeclined: return 13
        case .balanceUpdate: return 14
        case .otp: return 15
        case .promotional: return 16
        case .notInTheList: return 17
        }
    }
}
