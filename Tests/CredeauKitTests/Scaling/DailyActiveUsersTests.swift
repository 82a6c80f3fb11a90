import Testing
@testable import CredeauKit

@Suite struct DailyActiveUsersTests {
    @Test(arguments: [
        ("80000", 80_000), ("80K", 80_000), ("80k", 80_000), ("80_000", 80_000), ("80,000", 80_000),
        ("1,00,000", 100_000), ("1.2M", 1_200_000), ("0.5m", 500_000), ("2.5k", 2_500), (" 25000 ", 25_000),
        ("+1", 1), ("1000000000", 1_000_000_000), ("1000M", 1_000_000_000), ("1.000001M", 1_000_001),
        ("10,00,000", 1_000_000), ("1,000,000", 1_000_000), ("12,34,567", 1_234_567), ("1_2_3", 123),
    ])
    func acceptedFormParses(text: String, users: Int) throws {
        #expect(try DailyActiveUsers.parse(text) == users)
    }

    @Test(arguments: [
        ("", "expected a whole number"), ("abc", "expected a whole number"), ("80KK", "expected a whole number"),
        ("-5", "at least 1"), ("-80K", "at least 1"), ("0", "at least 1"), ("0K", "at least 1"),
        ("1000000001", "at most 1,000,000,000"), ("2000M", "at most 1,000,000,000"),
        ("99999999999999999999", "at most 1,000,000,000"), ("1.2345K", "not a whole number"),
        ("80000.5", "decimal point needs a K or M suffix"), ("1,2M", "cannot be combined"),
        ("_80000", "expected a whole number"), ("80,,000", "expected a whole number"), ("80000,", "expected a whole number"),
        ("1e5", "expected a whole number"), ("K", "expected a whole number"), ("١٢", "expected a whole number"),
        ("1,2,3", "commas must group digits"), ("1000,000", "commas must group digits"),
        ("1,0000", "commas must group digits"), ("100,00,000", "commas must group digits"),
        ("1,00,0000", "commas must group digits"),
    ])
    func invalidFormIsRejected(text: String, reasonFragment: String) {
        #expect {
            try DailyActiveUsers.parse(text)
        } throws: { error in
            guard let error = error as? ScalingError, case let .invalidDAU(value, reason) = error else { return false }
            return value == text && reason.contains(reasonFragment) && error.exitCode == ExitStatus.usage
        }
    }
}
