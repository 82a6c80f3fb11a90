/// Category of an installed Android app, as the app features (counts per category) name it.
///
/// The raw value is the token used in feature names and in the catalogue table
/// (`apps_upi_wallet_count`).
public enum AppCategory: String, CaseIterable, Sendable {
    /// Digital lenders, NBFC apps, loan marketplaces, credit lines and buy-now-pay-later apps.
    case lending
    case banking
    /// UPI apps and wallets, including shopping and bill-payment apps whose main use here is UPI.
    case upiWallet = "upi_wallet"
    /// Stock brokers, mutual funds, gold and other investment apps.
    case investment
    case insurance
    /// Real-money games, fantasy sports, rummy, poker, lotteries and betting.
    case bettingGambling = "betting_gambling"
    /// Games played without stakes.
    case games
    case social
    /// Messaging, calling, e-mail and caller ID.
    case communication
    case dating
    case shopping
    case foodDelivery = "food_delivery"
    case travel
    /// Video, music and other streaming apps.
    case ottEntertainment = "ott_entertainment"
    case education
    case productivity
    /// Apps for merchants and small businesses: ledgers, billing, B2B marketplaces.
    case business
    case health
    case crypto
    /// VPNs and remote-access or screen-sharing tools.
    case vpnRemoteAccess = "vpn_remote_access"
    /// Root managers, root checkers, app cloners and virtual spaces, fake GPS, SMS and call-log
    /// editors and auto-clickers: apps used to tamper with what the SDK reads from the phone.
    case emulatorRootTools = "emulator_root_tools"
    /// Utilities: browsers, file managers, cleaners, keyboards, launchers, phone-maker apps.
    case tools
    case other

    /// Whether the category is one of the money-related ones that the features also count
    /// together as `finance`: lending, banking, UPI and wallets, investment, insurance and crypto.
    public var isFinance: Bool {
        switch self {
        case .lending, .banking, .upiWallet, .investment, .insurance, .crypto: return true
        default: return false
        }
    }
}

/// Finer kind of a risky app, for the fraud features that count each kind separately.
public enum AppRiskKind: String, CaseIterable, Sendable {
    case fakeGPS = "fake_gps"
    case smsEditor = "sms_editor"
    case callLogEditor = "call_log_editor"
    /// Root managers, root checkers and hooking frameworks.
    case rootTool = "root_tool"
    /// App cloners, dual-app and virtual-space apps.
    case appCloner = "app_cloner"
    case backupRestore = "backup_restore"
    /// Remote control and screen sharing (AnyDesk, TeamViewer).
    case remoteAccess = "remote_access"
    case vpn
    case autoClicker = "auto_clicker"
    /// Android emulators and their companion apps.
    case emulator
}
