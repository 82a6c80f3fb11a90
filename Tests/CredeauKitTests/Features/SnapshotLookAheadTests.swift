import Testing
@testable import CredeauKit

/// Undated snapshot records count only from the first sync that carried them, so a record that
/// appears in a later snapshot never reaches features at an earlier cutoff.
@Suite struct SnapshotLookAheadTests {
    private typealias F = FeatureFixture

    /// Returns a contacts or apps document of user u1 synced at `created` (IST) with `records`.
    private static func document(_ field: String, created: String, _ records: [String]) throws -> JSONValue {
        try JSONParser.parse("""
        {"client_id": "c1", "user_id": "u1", "created_at": "\(created)", "\(field)": [\(records.joined(separator: ","))]}
        """)
    }

    private static func contact(_ id: String, _ name: String) -> String {
        "{\"contact_id\": \"\(id)\", \"name\": \"\(name)\", \"phone\": \"+9198000000\(id)0\"}"
    }

    private static func app(_ package: String) -> String { "{\"package_name\": \"\(package)\"}" }

    /// Builds the user from `documents` given in order and computes the `sms` grouping.
    private static func features(_ documents: [(JSONValue, SyncSource)]) throws -> [String: FeatureValue] {
        var builder = UserDataBuilder(clientID: "c1", userID: "u1")
        for (document, source) in documents { try builder.add(document: document, source: source) }
        return F.compute(builder.build(), groupings: [.sms])
    }

    @Test(arguments: [false, true])
    func laterContactsStayHidden(lateFirst: Bool) throws {
        let early = try Self.document("contacts", created: "2026-03-01 10:00:00",
                                      [Self.contact("1", "Mom"), Self.contact("2", "Dad")])
        let late = try Self.document("contacts", created: "2026-04-02 10:00:00",
                                     [Self.contact("1", "Mom"), Self.contact("2", "Dad"), Self.contact("3", "New")])
        let order = lateFirst ? [late, early] : [early, late]
        let values = try Self.features(order.map { ($0, .contacts) })
        #expect(values["contacts_count_all"] == .integer(2))
        #expect(values["contacts_data_null_reason"] == .null)
    }

    @Test func laterAppsStayHidden() throws {
        let early = try Self.document("apps", created: "2026-03-01 10:00:00", [Self.app("a.one")])
        let late = try Self.document("apps", created: "2026-04-02 10:00:00", [Self.app("a.one"), Self.app("a.two")])
        let values = try Self.features([(late, .apps), (early, .apps)])
        #expect(values["apps_count_all"] == .integer(1))
    }

    /// A sync after the cutoff that reports a reinstall and a later update hides neither the
    /// install nor the update that an earlier sync reported.
    @Test(arguments: [false, true])
    func laterAppSyncKeepsEarlierEvents(lateFirst: Bool) throws {
        func app(installed: String, updated: String) -> String {
            "{\"package_name\": \"a.one\", \"first_install_time\": \(F.ist(installed)), "
                + "\"last_update_time\": \(F.ist(updated))}"
        }
        let early = try Self.document("apps", created: "2026-03-14 10:00:00",
                                      [app(installed: "2026-03-02 10:00:00", updated: "2026-03-12 10:00:00")])
        let late = try Self.document("apps", created: "2026-04-02 10:00:00",
                                     [app(installed: "2026-04-01 10:00:00", updated: "2026-04-01 10:00:00")])
        let values = try Self.features((lateFirst ? [late, early] : [early, late]).map { ($0, .apps) })
        #expect(values["apps_count_all"] == .integer(1))
        #expect(values["apps_installed_count_15d"] == .integer(1))
        #expect(values["apps_updated_count_7d"] == .integer(1))
    }

    @Test func onlyLaterSnapshotIsUnavailable() throws {
        let late = try Self.document("contacts", created: "2026-04-02 10:00:00", [Self.contact("1", "Mom")])
        let values = try Self.features([(late, .contacts)])
        #expect(values["contacts_count_all"] == .null)
        #expect(values["contacts_data_null_reason"] == .string("no_data_before_cutoff"))
    }
}
