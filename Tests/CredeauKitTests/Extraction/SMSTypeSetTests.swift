import Testing
@testable import CredeauKit

/// Checks the bit-mask set of sms types against `Set<SMSType>`.
@Suite struct SMSTypeSetTests {
    @Test func ordinalsFollowDeclarationOrder() {
        for (index, type) in SMSType.allCases.enumerated() {
            #expect(type.ordinal == index, "\(type) has ordinal \(type.ordinal)")
        }
        #expect(SMSType.allCases.count <= 32, "the mask has 32 bits")
    }

    @Test func membershipMatchesSet() {
        let all = SMSType.allCases
        // Every subset given by the low bits of a counter, stepped so that all types take part.
        for seed in stride(from: 0, to: 1 << all.count, by: 997) {
            let members = all.enumerated().filter { seed & (1 << $0.offset) != 0 }.map(\.element)
            let reference = Set(members)
            let set = SMSTypeSet(members)
            for type in all {
                #expect(set.contains(type) == reference.contains(type), "\(type) in \(members)")
            }
        }
        #expect(!SMSTypeSet([]).contains(.otp))
    }
}
