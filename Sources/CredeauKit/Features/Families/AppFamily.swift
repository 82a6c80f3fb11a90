/// The apps visible at the cutoff, categorised once and shared by the app and fraud families.
struct AppState {
    struct App {
        var category: FeatureAppCategory?
        var installTime: EventTime?
        var updateTime: EventTime?
        var isSystem: Bool
    }

    var apps: [App] = []

    /// Nil when apps are unavailable at the cutoff (see `FeatureInput.nullReason`).
    init?(input: FeatureInput) {
        guard let records = input.user.apps else { return nil }
        for record in records where input.isVisible(record) {
            let update = record.lastUpdate(atOrBefore: input.cutoff).map { input.clock.time(of: $0) }
            apps.append(App(
                category: input.appCategories?.featureCategory(forPackage: record.packageName),
                installTime: record.firstInstallMillis.map { input.clock.time(of: $0) },
                updateTime: update, isSystem: record.isSystemApp))
        }
        if input.nullReason(synced: true, source: .apps, visibleRecords: apps.count) != nil { return nil }
    }

    /// Apps of `category` (all apps when nil) installed within `days` IST days of the cutoff.
    func installedCount(_ category: FeatureAppCategory?, withinDays days: Int) -> Int {
        apps.reduce(0) { total, app in
            guard category == nil || app.category == category, let time = app.installTime else { return total }
            return time.daysBack < days ? total + 1 : total
        }
    }

    func count(_ category: FeatureAppCategory) -> Int {
        apps.reduce(0) { $0 + ($1.category == category ? 1 : 0) }
    }

    func latestInstallDaysBack(_ category: FeatureAppCategory?) -> Int? {
        apps.compactMap { category == nil || $0.category == category ? $0.installTime?.daysBack : nil }.min()
    }
}

/// Installed apps per category, installs and updates over time (`sms` grouping).
enum AppFamily {
    private static let factory = DefinitionFactory(grouping: .sms)
    static let installWindows = [7, 30, 90, 180]

    static func emit<S: FeatureSink>(_ input: FeatureInput?, into sink: inout S) {
        let state = input?.apps
        sink.add(factory.verbatim("apps_data_null_reason", nil,
                                  "Why app features are null: not_synced or no_data_before_cutoff; "
                                  + "null when apps are available", .text, .never),
                 .optionalString(input.flatMap { $0.apps == nil ? ($0.user.apps == nil ? "not_synced"
                                                                    : "no_data_before_cutoff") : nil }))
        sink.add(factory.make("apps_count", .all, "Apps installed at the cutoff (first install at or before it, or "
                              + "none and listed in a sync at or before it)",
                              .count, .sourceMissing),
                 state.map { .int($0.apps.count) } ?? .null)
        sink.add(factory.make("apps_user_count", .all, "Installed apps that are not system apps", .count, .sourceMissing),
                 state.map { state in .int(state.apps.filter { !$0.isSystem }.count) } ?? .null)
        sink.add(factory.make("apps_system_count", .all, "Installed system apps", .count, .sourceMissing),
                 state.map { state in .int(state.apps.filter(\.isSystem).count) } ?? .null)
        sink.add(factory.make("apps_uncategorised_count", .all, "Installed apps whose package has no known category",
                              .count, .sourceMissing),
                 state.map { state in .int(state.apps.filter { $0.category == nil }.count) } ?? .null)
        for days in [7, 15, 30, 60, 90, 180] {
            sink.add(factory.make("apps_installed_count", .days(days), "Apps first installed in the window",
                                  .count, .sourceMissing),
                     state.map { .int($0.installedCount(nil, withinDays: days)) } ?? .null)
        }
        for days in [7, 30, 90] {
            sink.add(factory.make("apps_updated_count", .days(days), "Apps last updated in the window (at or before "
                                  + "the cutoff)", .count, .sourceMissing),
                     state.map { state in .int(state.apps.filter { ($0.updateTime?.daysBack ?? Int.max) < days }.count) }
                         ?? .null)
        }
        sink.add(factory.make("apps_days_since_first_install", .all, "IST days from the oldest app install to the cutoff",
                              .days, .emptyWindow),
                 state.map { state in .optionalInt(state.apps.compactMap { $0.installTime?.daysBack }.max()) } ?? .null)
        sink.add(factory.make("apps_days_since_last_install", .all, "IST days from the newest app install to the cutoff",
                              .days, .emptyWindow),
                 state.map { .optionalInt($0.latestInstallDaysBack(nil)) } ?? .null)
        sink.add(factory.make("apps_lending_install_ratio", .days(30),
                              "Lending apps installed in the last 30 days divided by those installed in the last 90",
                              .ratio, .zeroDenominator),
                 state.map { .share($0.installedCount(.lending, withinDays: 30), $0.installedCount(.lending, withinDays: 90)) }
                     ?? .null)
        for category in FeatureAppCategory.allCases {
            let token = "apps_\(category.rawValue)"
            sink.add(factory.make("\(token)_count", .all, "Installed \(category.rawValue) apps", .count, .sourceMissing),
                     state.map { .int($0.count(category)) } ?? .null)
            for days in installWindows {
                sink.add(factory.make("\(token)_installed_count", .days(days),
                                      "\(category.rawValue) apps first installed in the window", .count, .sourceMissing),
                         state.map { .int($0.installedCount(category, withinDays: days)) } ?? .null)
            }
            sink.add(factory.make("\(token)_days_since_last_install", .all,
                                  "IST days from the newest \(category.rawValue) app install to the cutoff",
                                  .days, .emptyWindow),
                     state.map { .optionalInt($0.latestInstallDaysBack(category)) } ?? .null)
        }
    }
}
