import Testing
@testable import CredeauKit

/// Balances, accounts and credit notices on hand-built inboxes.
@Suite struct BalanceAccountCreditTests {
    typealias F = FeatureFixture

    static func balance(_ date: String, _ amount: Double) -> ExtractedSMS {
        var entry = F.sms(date, body: "Avl bal \(amount) on \(date)", type: .balanceUpdate)
        entry.availableBalance = amount
        return entry
    }

    @Test func balanceStatistics() {
        // Observations: Mar 14 10:00 800, Mar 14 18:00 5,000 (last of that day), Mar 10 900,
        // Feb 27 20,000, Jan 15 3,000.
        let user = F.user(sms: [
            Self.balance("2026-03-14 10:00:00", 800), Self.balance("2026-03-14 18:00:00", 5_000),
            Self.balance("2026-03-10 10:00:00", 900), Self.balance("2026-02-27 10:00:00", 20_000),
            Self.balance("2026-01-15 10:00:00", 3_000),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["balance_latest_all_nlp"] == .double(5_000))
        #expect(values["balance_days_since_latest_all_nlp"] == .integer(1))
        // 30d observations: 800, 5,000, 900, 20,000: mean 26,700 / 4.
        #expect(values["balance_observation_count_30d_nlp"] == .integer(4))
        #expect(values["balance_min_30d_nlp"] == .double(800))
        #expect(values["balance_max_30d_nlp"] == .double(20_000))
        #expect(values["balance_mean_30d_nlp"] == .double(6_675))
        #expect(values["balance_end_of_month_m1_nlp"] == .double(20_000))
        #expect(values["balance_end_of_month_m2_nlp"] == .double(3_000))
        #expect(values["balance_end_of_month_m3_nlp"] == .null)
        // Days in 30d: Mar 14 ends at 5,000, Mar 10 at 900 (low), Feb 27 at 20,000.
        #expect(values["balance_low_day_count_30d_nlp"] == .integer(1))
        #expect(values["balance_low_day_share_30d_nlp"] == .double(1.0 / 3.0))
    }

    /// Makes a balance SMS whose balance the extractor reads from `body`.
    static func statedBalance(_ date: String, _ body: String) -> ExtractedSMS {
        var entry = F.sms(date, body: body, type: .balanceUpdate)
        entry.availableBalance = ExtractionTestSupport.extract(body).availableBalance
        return entry
    }

    @Test func overdrawnAndZeroBalances() {
        let user = F.user(sms: [
            Self.statedBalance("2026-03-08 10:00:00", "Rs 900 credited to A/c XX1234. Avl Bal Rs 5,000.00"),
            Self.statedBalance("2026-03-10 10:00:00", "Rs 5,000 debited from A/c XX1234. Avl Bal Rs 0.00"),
            Self.statedBalance("2026-03-12 10:00:00", "Rs 2,300 debited from A/c XX1234. Avl Bal Rs 2,300.00 Dr"),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["balance_latest_all_nlp"] == .double(-2_300))
        #expect(values["balance_observation_count_30d_nlp"] == .integer(3))
        #expect(values["balance_min_30d_nlp"] == .double(-2_300))
        #expect(values["balance_max_30d_nlp"] == .double(5_000))
        #expect(values["balance_mean_30d_nlp"] == .double(900))
        // The zero day and the overdrawn day are both below 1,000 rupees.
        #expect(values["balance_low_day_count_30d_nlp"] == .integer(2))
        #expect(values["balance_low_day_share_30d_nlp"] == .double(2.0 / 3.0))
        #expect(values["balance_end_of_month_m1_nlp"] == .null)
    }

    @Test func accountsAndPrimaryAccount() {
        var sbi = F.txn("2026-03-01 10:00:00", .debit, 300, sender: "sbiinb", account: "12", pan: "bank | sbi | 12")
        sbi.senderName = "state bank of india"
        let user = F.user(sms: [
            F.txn("2026-03-14 10:00:00", .debit, 100, party: "Swiggy", balance: 9_000),
            F.txn("2026-03-12 10:00:00", .credit, 1_000, party: "Mom"),
            F.txn("2026-03-10 10:00:00", .debit, 200, party: "swiggy"),
            sbi,
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["account_distinct_all_nlp"] == .integer(2))
        #expect(values["bank_distinct_all_nlp"] == .integer(2))
        #expect(values["bank_distinct_7d_nlp"] == .integer(1))
        #expect(values["bank_account_distinct_all_nlp"] == .integer(2))
        #expect(values["primary_account_institution_value_180d_nlp"] == .string("hdfc bank"))
        #expect(values["primary_account_last_digits_value_180d_nlp"] == .string("1234"))
        #expect(values["primary_account_txn_count_180d_nlp"] == .integer(3))
        #expect(values["primary_account_txn_share_180d_nlp"] == .double(0.75))
        #expect(values["primary_account_credit_amount_sum_180d_nlp"] == .double(1_000))
        #expect(values["primary_account_debit_amount_sum_180d_nlp"] == .double(300))
        #expect(values["primary_account_balance_latest_180d_nlp"] == .double(9_000))
        // swiggy (twice, case-insensitive) and mom.
        #expect(values["transaction_party_distinct_30d_nlp"] == .integer(2))
    }

    @Test func primaryAccountSkipsSentAndEmptyPANs() {
        let icici = "bank | icici bank | 99"
        var sentICICI = F.txn("2026-03-13 10:00:00", .credit, 7_000, account: "99", pan: icici)
        sentICICI.smsBody = "sent copy"
        var user = F.user(sms: [
            F.txn("2026-03-01 10:00:00", .debit, 100),
            F.txn("2026-03-02 10:00:00", .debit, 200),
            F.txn("2026-03-03 10:00:00", .credit, 400),
            F.txn("2026-03-11 10:00:00", .debit, 50, account: "99", pan: icici),
            F.txn("2026-03-12 10:00:00", .debit, 60, account: "99", pan: icici),
            F.txn("2026-03-12 11:00:00", .debit, 70, account: nil, pan: ""),
            sentICICI,
            F.txn("2026-03-13 12:00:00", .debit, 80, account: "77", pan: "bank | axis bank | 77"),
        ])
        user.smsFolders = [.inbox, .inbox, .inbox, .inbox, .inbox, .inbox, .sent, .sent]
        let values = F.compute(user, groupings: [.extractedSMS])
        // The empty PAN and the sent SMS (one of them with a PAN of its own) name no account.
        #expect(values["account_distinct_all_nlp"] == .integer(2))
        #expect(values["primary_account_txn_count_180d_nlp"] == .integer(3))
        #expect(values["primary_account_last_digits_value_180d_nlp"] == .string("1234"))
        #expect(values["primary_account_credit_amount_sum_180d_nlp"] == .double(400))
        #expect(values["primary_account_debit_amount_sum_180d_nlp"] == .double(300))
        #expect(values["primary_account_txn_share_180d_nlp"] == .double(0.5))
    }

    @Test func lendersAndOverdues() {
        var overdueA = F.sms("2026-03-14 10:00:00", sender: "kissht", body: "overdue 1", type: .loanOverdue,
                             senderType: .nbfc)
        overdueA.dueAmount = 2_000
        let overdueB = F.sms("2026-03-01 10:00:00", sender: "bajajf", body: "overdue 2", type: .loanOverdue,
                             senderType: .nbfc)
        let promo = F.sms("2026-03-13 10:00:00", sender: "moneyv", body: "Get a loan", type: .promotional,
                          senderType: .nbfc)
        var statement = F.sms("2026-03-05 10:00:00", sender: "hdfccc", body: "statement", type: .cardStatement,
                              senderType: .card)
        statement.dueAmount = 15_000
        statement.outstandingAmount = 42_000
        let values = F.compute(F.user(sms: [overdueA, overdueB, promo, statement]), groupings: [.extractedSMS])
        // Promotional NBFC SMS are offers, not lending relationships.
        #expect(values["lender_distinct_30d_nlp"] == .integer(2))
        #expect(values["lender_distinct_7d_nlp"] == .integer(1))
        #expect(values["overdue_lender_distinct_30d_nlp"] == .integer(2))
        #expect(values["loan_overdue_count_30d_nlp"] == .integer(2))
        #expect(values["loan_overdue_amount_sum_30d_nlp"] == .double(2_000))
        #expect(values["card_statement_due_latest_all_nlp"] == .double(15_000))
        #expect(values["card_outstanding_latest_all_nlp"] == .double(42_000))
        #expect(values["card_statement_amount_sum_30d_nlp"] == .double(15_000))
    }

    @Test func qualityFeatures() {
        var unknown = F.sms("2026-03-14 10:00:00", body: "hi")
        unknown.isClassified = false
        let user = F.user(sms: [
            unknown,
            F.txn("2026-03-10 10:00:00", .debit, 100, balance: 50),
            F.txn("2026-01-10 10:00:00", .debit, 100),
        ])
        let values = F.compute(user, groupings: [.extractedSMS])
        #expect(values["sms_classified_share_all_nlp"] == .double(2.0 / 3.0))
        #expect(values["txn_balance_share_all_nlp"] == .double(0.5))
        #expect(values["txn_month_count_all_nlp"] == .integer(2))
        #expect(values["data_sufficiency_flag_all_nlp"] == .integer(0))
    }
}
