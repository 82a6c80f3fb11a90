/// The compiled-in app tables.
///
/// Apps: `package<TAB>category<TAB>name<TAB>source[<TAB>risk]`, one app per line, split over the
/// `AppTable+*.swift` files by theme. Source codes:
/// - `known`: the app's Google Play id, which the authors know from the app itself.
/// - `code-search`: the id appears for that app in public source code (SDK allow-lists,
///   fraud-detection lists, device-usage datasets, Play Store links).
/// - `github:owner/repo`: the id is listed in that repository (RootBeer's known root,
///   dangerous and root-cloaking apps).
///
/// Rules: `prefix` or `contains`, a lower-case pattern, the category and an optional risk kind.
/// They only apply to packages that no row lists.
enum AppTable {
    static var defaultTSV: String {
        [financeTSV, riskTSV, socialTSV, consumerTSV, everydayTSV, toolsTSV, phoneMakersTSV, moreTSV]
            .joined(separator: "\n")
    }

    static let defaultRulesTSV = #"""
# kind	pattern	category	risk
# Bank prefixes: most Indian banks publish their apps under their own reverse domain.
prefix	com.sbi.	banking
prefix	com.hdfc	banking
prefix	com.icici	banking
prefix	com.csam.icici	banking
prefix	com.axis.	banking
prefix	com.axisbank	banking
prefix	com.kotak	banking
prefix	com.msf.kbank	banking
prefix	com.bankofbaroda	banking
prefix	com.canarabank	banking
prefix	com.pnb	banking
prefix	com.unionbank	banking
prefix	com.idfcfirstbank	banking
prefix	com.indusind	banking
prefix	com.yesbank	banking
prefix	com.federalbank	banking
prefix	com.rblbank	banking
prefix	com.aubank	banking
prefix	com.bandhan	banking
prefix	com.idbi	banking
prefix	com.ucobank	banking
prefix	com.dbs.in	banking
prefix	com.citibank	banking
prefix	com.hsbc	banking
# Phone-maker and platform prefixes.
prefix	com.android.	tools
prefix	com.google.android.	tools
prefix	com.samsung.	tools
prefix	com.sec.android.	tools
prefix	com.miui.	tools
prefix	com.xiaomi.	tools
prefix	com.vivo.	tools
prefix	com.bbk.	tools
prefix	com.oplus.	tools
prefix	com.coloros.	tools
prefix	com.heytap.	tools
prefix	com.oppo.	tools
prefix	com.oneplus.	tools
prefix	com.motorola.	tools
prefix	com.transsion.	tools
prefix	com.hmdglobal.	tools
# Emulator companion apps.
prefix	com.bluestacks.	emulator_root_tools	emulator
prefix	com.bignox.	emulator_root_tools	emulator
prefix	com.microvirt.	emulator_root_tools	emulator
prefix	com.kaopu.	emulator_root_tools	emulator
prefix	cn.itools.	emulator_root_tools	emulator
# Publisher prefixes.
prefix	com.games24x7.	betting_gambling
prefix	com.app.dream11	betting_gambling
prefix	com.supercell.	games
prefix	com.king.	games
prefix	com.gameloft.	games
prefix	com.outfit7.	games
prefix	com.miniclip.	games
prefix	com.playrix.	games
prefix	com.tencent.ig	games
prefix	com.dts.freefire	games
prefix	com.zerodha.	investment
prefix	com.metaquotes.	investment
# Words in the package name, checked in this order after the prefixes.
contains	rummy	betting_gambling
contains	teenpatti	betting_gambling
contains	poker	betting_gambling
contains	casino	betting_gambling
contains	betting	betting_gambling
contains	satta	betting_gambling
contains	lottery	betting_gambling
contains	fakegps	emulator_root_tools	fake_gps
contains	mocklocation	emulator_root_tools	fake_gps
contains	gpsjoystick	emulator_root_tools	fake_gps
contains	fakelocation	emulator_root_tools	fake_gps
contains	autoclick	emulator_root_tools	auto_clicker
contains	fakesms	emulator_root_tools	sms_editor
contains	smseditor	emulator_root_tools	sms_editor
contains	calllogeditor	emulator_root_tools	call_log_editor
contains	fakecall	emulator_root_tools	call_log_editor
contains	parallel.space	emulator_root_tools	app_cloner
contains	dualspace	emulator_root_tools	app_cloner
contains	multiaccount	emulator_root_tools	app_cloner
contains	cloneapp	emulator_root_tools	app_cloner
contains	rootcheck	emulator_root_tools	root_tool
contains	xposed	emulator_root_tools	root_tool
contains	magisk	emulator_root_tools	root_tool
contains	smsbackup	emulator_root_tools	backup_restore
contains	calllogbackup	emulator_root_tools	backup_restore
contains	anydesk	vpn_remote_access	remote_access
contains	teamviewer	vpn_remote_access	remote_access
contains	remotedesktop	vpn_remote_access	remote_access
contains	screenshare	vpn_remote_access	remote_access
contains	vpn	vpn_remote_access	vpn
contains	proxy	vpn_remote_access	vpn
contains	loan	lending
contains	credit	lending
contains	rupee	lending
contains	paisa	lending
contains	cash	lending
contains	lending	lending
contains	fincorp	lending
contains	finserv	lending
contains	.upi	upi_wallet
contains	upi.	upi_wallet
contains	wallet	upi_wallet
contains	bank	banking
contains	insurance	insurance
contains	crypto	crypto
contains	bitcoin	crypto
contains	trading	investment
contains	stock	investment
contains	mutualfund	investment
contains	dating	dating
contains	matrimony	dating
contains	ludo	games
contains	game	games
"""#
}
