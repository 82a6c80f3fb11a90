import Testing
@testable import CredeauKit

@Suite struct FraudFamilyTests {
    typealias F = FeatureFixture

    @Test func rulesFireAndNameTheirFeatures() {
        // A rooted device, an SMS editor, 3 lending apps installed in 7 days, an SMS dated two
        // days after the sync that carried it, and 3 financial SMS from a phone number.
        var future = F.sms("2026-03-14 10:00:00", body: "hello", syncedAt: F.ist("2026-03-12 10:00:00"))
        future.smsID = "future"
        let p2p = (1...3).map { day in
            F.sms("2026-03-1\(day) 10:00:00", sender: "9812345678", body: "Rs 500 credited to your a/c \(day)",
                  senderType: .other)
        }
        var user = F.user(sms: [future] + p2p)
        var device = DeviceRecord(platform: .android, syncedAtMillis: F.ist("2026-03-01 10:00:00"))
        device.isRooted = true
        device.isEmulator = false
        user.device = [device]
        user.apps = ["in.loan.one", "in.loan.two", "in.loan.three", "com.sms.editor"].map {
            AppRecord(packageName: $0, firstInstallMillis: F.ist("2026-03-13 10:00:00"))
        }
        let values = F.compute(user, groupings: [.fraud],
                               engine: FeatureEngine(appCategories: TestAppCategories()))
        #expect(values["fraud_app_sms_editor_count_all"] == .integer(1))
        #expect(values["fraud_app_lending_installed_count_7d"] == .integer(3))
        #expect(values["fraud_app_risky_count_all"] == .integer(1))
        #expect(values["lending_app_install_burst_flag_7d"] == .integer(1))
        #expect(values["device_rooted_flag_all"] == .integer(1))
        #expect(values["device_emulator_flag_all"] == .integer(0))
        #expect(values["device_mock_location_flag_all"] == .null)
        #expect(values["sms_future_dated_count_all"] == .integer(1))
        #expect(values["fin_sms_from_p2p_count_30d"] == .integer(3))
        #expect(values["fraud_rule_hits_count_all"] == .integer(5))
        #expect(values["fraud_flag"] == .integer(1))
        #expect(values["fraud_flag_reason"] == .string(
            "fraud_app_risky_count_all,lending_app_install_burst_flag_7d,device_rooted_flag_all,"
            + "sms_future_dated_count_all,fin_sms_from_p2p_count_30d"))
    }

    @Test func cleanUserHasNoFlag() {
        var user = F.user(sms: [F.txn("2026-03-14 10:00:00", .debit, 100)])
        user.apps = []
        let values = F.compute(user, groupings: [.fraud])
        #expect(values["fraud_flag"] == .integer(0))
        #expect(values["fraud_flag_reason"] == .string(""))
        #expect(values["fraud_rule_hits_count_all"] == .integer(0))
        #expect(values["fraud_app_risky_count_all"] == .integer(0))
        #expect(values["device_rooted_flag_all"] == .null)
    }

    @Test func lendersAndCollectionsInThirtyDays() {
        let lenders = ["kissht", "bajajf", "moneyv", "kredbe", "navifn"].enumerated().map { index, sender in
            var entry = F.sms("2026-03-0\(index + 1) 10:00:00", sender: sender, body: "Loan disbursed \(index)",
                              type: .loanDisbursed, senderType: .nbfc)
            entry.amount = 5_000
            return entry
        }
        let collection = (1...3).map { index in
            F.sms("2026-03-1\(index) 11:00:00", sender: "9812345678", body: "Pay now or face LEGAL ACTION \(index)",
                  senderType: .other)
        }
        let values = F.compute(F.user(sms: lenders + collection), groupings: [.fraud])
        #expect(values["fraud_lender_sender_distinct_30d"] == .integer(5))
        #expect(values["loan_disbursal_lender_distinct_30d"] == .integer(5))
        #expect(values["loan_disbursal_lender_distinct_7d"] == .integer(0))
        #expect(values["collection_sms_count_30d"] == .integer(3))
        #expect(values["fraud_flag_reason"] == .string("fraud_lender_sender_distinct_30d,collection_sms_count_30d"))
    }
}
