import Testing
@testable import CredeauKit

@Suite struct CalibrationParametersTests {
    @Test func defaultsMatchDocumentation() {
        let parameters = CalibrationParameters()
        #expect(parameters.smsPerUser == 3_000)
        #expect(parameters.peakFactor == 0.15)
        #expect(parameters.coresPerNode == 4)
        #expect(parameters.cpuTarget == 0.5)
    }

    @Test(arguments: [("0.15", 0.15), ("15%", 0.15), ("1", 1.0), ("0.05", 0.05), (" 0.2 ", 0.2)])
    func peakFactorParses(text: String, value: Double) throws {
        #expect(abs(try CalibrationParameters.parsePeakFactor(text) - value) < 1e-12)
    }

    @Test(arguments: ["0", "0.01", "1.5", "150%", "-0.1", "abc", "nan", "inf", ""])
    func peakFactorOutOfRangeIsRejected(text: String) {
        #expect(throws: ScalingError.self) { try CalibrationParameters.parsePeakFactor(text) }
    }

    @Test func wholeNumberParametersCheckRange() throws {
        #expect(try CalibrationParameters.parseSMSPerUser("3,000") == 3_000)
        #expect(try CalibrationParameters.parseCoresPerNode("16") == 16)
        #expect(throws: ScalingError.self) { try CalibrationParameters.parseSMSPerUser("0") }
        #expect(throws: ScalingError.self) { try CalibrationParameters.parseSMSPerUser("2.5") }
        #expect(throws: ScalingError.self) { try CalibrationParameters.parseCoresPerNode("2000") }
        #expect(throws: ScalingError.self) { try CalibrationParameters.parseCoresPerNode("-4") }
    }

    @Test func misplacedCommasAreRejected() throws {
        #expect(try CalibrationParameters.parseSMSPerUser("10,000") == 10_000)
        #expect(try CalibrationParameters.parseSMSPerUser("1,00,000") == 100_000)
        #expect(throws: ScalingError.self) { try CalibrationParameters.parseSMSPerUser("3,0,00") }
        #expect(throws: ScalingError.self) { try CalibrationParameters.parseSMSPerUser("30,00") }
    }
}
