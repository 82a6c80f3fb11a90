extension AppTable {
    /// Root, cloner, fake-GPS, auto-clicker, backup and emulator apps, VPNs, remote access, and real-money gaming.
    static let riskTSV = #"""
# emulator_root_tools: root managers and checkers, hooking frameworks (rootbeer = github:scottyab/rootbeer Const.java)
com.topjohnwu.magisk	emulator_root_tools	Magisk	github:scottyab/rootbeer	root_tool
io.github.vvb2060.magisk	emulator_root_tools	Magisk Alpha	code-search	root_tool
me.weishu.kernelsu	emulator_root_tools	KernelSU	code-search	root_tool
me.bmax.apatch	emulator_root_tools	APatch	code-search	root_tool
com.noshufou.android.su	emulator_root_tools	Superuser (ChainsDD)	github:scottyab/rootbeer	root_tool
com.noshufou.android.su.elite	emulator_root_tools	Superuser Elite	github:scottyab/rootbeer	root_tool
eu.chainfire.supersu	emulator_root_tools	SuperSU	github:scottyab/rootbeer	root_tool
com.koushikdutta.superuser	emulator_root_tools	Superuser (Koush)	github:scottyab/rootbeer	root_tool
com.thirdparty.superuser	emulator_root_tools	Superuser (third party)	github:scottyab/rootbeer	root_tool
com.yellowes.su	emulator_root_tools	Yellowes SU	github:scottyab/rootbeer	root_tool
com.koushikdutta.rommanager	emulator_root_tools	ROM Manager	github:scottyab/rootbeer	root_tool
com.koushikdutta.rommanager.license	emulator_root_tools	ROM Manager licence	github:scottyab/rootbeer	root_tool
com.dimonvideo.luckypatcher	emulator_root_tools	Lucky Patcher	github:scottyab/rootbeer	root_tool
com.chelpus.lackypatch	emulator_root_tools	Lucky Patcher	github:scottyab/rootbeer	root_tool
com.chelpus.luckypatcher	emulator_root_tools	Lucky Patcher	github:scottyab/rootbeer	root_tool
com.ramdroid.appquarantine	emulator_root_tools	App Quarantine	github:scottyab/rootbeer	root_tool
com.ramdroid.appquarantinepro	emulator_root_tools	App Quarantine Pro	github:scottyab/rootbeer	root_tool
com.devadvance.rootcloak	emulator_root_tools	RootCloak	github:scottyab/rootbeer	root_tool
com.devadvance.rootcloakplus	emulator_root_tools	RootCloak Plus	github:scottyab/rootbeer	root_tool
com.devadvance.rootcloak2	emulator_root_tools	RootCloak 2	code-search	root_tool
de.robv.android.xposed.installer	emulator_root_tools	Xposed Installer	github:scottyab/rootbeer	root_tool
com.saurik.substrate	emulator_root_tools	Cydia Substrate	github:scottyab/rootbeer	root_tool
com.zachspong.temprootremovejb	emulator_root_tools	Temp Root Remove	github:scottyab/rootbeer	root_tool
com.amphoras.hidemyroot	emulator_root_tools	Hide My Root	github:scottyab/rootbeer	root_tool
com.amphoras.hidemyrootadfree	emulator_root_tools	Hide My Root (ad-free)	github:scottyab/rootbeer	root_tool
com.formyhm.hiderootPremium	emulator_root_tools	Hide Root Premium	github:scottyab/rootbeer	root_tool
com.formyhm.hideroot	emulator_root_tools	Hide Root	github:scottyab/rootbeer	root_tool
org.lsposed.manager	emulator_root_tools	LSPosed Manager	known	root_tool
org.meowcat.edxposed.manager	emulator_root_tools	EdXposed Manager	code-search	root_tool
com.solohsu.android.edxp.manager	emulator_root_tools	EdXposed Manager	code-search	root_tool
com.joeykrim.rootcheck	emulator_root_tools	Root Checker	known	root_tool
com.kingroot.kinguser	emulator_root_tools	KingRoot	known	root_tool
com.kingo.root	emulator_root_tools	Kingo Root	known	root_tool
com.alephzain.framaroot	emulator_root_tools	Framaroot	known	root_tool
com.termux	tools	Termux	known
# emulator_root_tools: app cloners and virtual spaces
com.lbe.parallel.intl	emulator_root_tools	Parallel Space	code-search	app_cloner
com.lbe.parallel.intl.arm64	emulator_root_tools	Parallel Space 64-bit support	code-search	app_cloner
com.excelliance.multiaccounts	emulator_root_tools	Multiple Accounts	code-search	app_cloner
com.cloneapp.parallelspace.dualspace	emulator_root_tools	Clone App (Dual Space)	code-search	app_cloner
com.cloneapp.parallelspace.dualspace.arm64	emulator_root_tools	Clone App 64-bit support	code-search	app_cloner
com.oasisfeng.island	emulator_root_tools	Island	code-search	app_cloner
com.jumobile.multiapp	emulator_root_tools	Multi App	code-search	app_cloner
com.qihoo.magic	emulator_root_tools	360 Magic	code-search	app_cloner
com.svm.proteinbox_multi	emulator_root_tools	Protein Box Multi	code-search	app_cloner
com.catchingnow.icebox	emulator_root_tools	Ice Box	code-search	app_cloner
io.va.exposed	emulator_root_tools	VirtualXposed	known	app_cloner
com.polestar.multiaccount	emulator_root_tools	Multi Parallel	known	app_cloner
# emulator_root_tools: fake GPS and mock location
com.lexa.fakegps	emulator_root_tools	Fake GPS Location (Lexa)	code-search	fake_gps
com.lexa.fakegpsdonate	emulator_root_tools	Fake GPS Location donate	code-search	fake_gps
com.blogspot.newapphorizons.fakegps	emulator_root_tools	Fake GPS (New App Horizons)	code-search	fake_gps
com.incorporateapps.fakegps.fre	emulator_root_tools	Fake GPS (Incorporate Apps)	code-search	fake_gps
com.incorporateapps.fakegps_route	emulator_root_tools	Fake GPS Route	code-search	fake_gps
com.rosteam.gpsemulator	emulator_root_tools	GPS Emulator	code-search	fake_gps
com.theappninjas.gpsjoystick	emulator_root_tools	GPS JoyStick	code-search	fake_gps
com.theappninjas.fakegpsgo	emulator_root_tools	Fake GPS GO	code-search	fake_gps
com.gsmartstudio.fakegps	emulator_root_tools	Fake GPS (GSmart Studio)	code-search	fake_gps
com.evezzon.fakegps	emulator_root_tools	Fake GPS (Evezzon)	code-search	fake_gps
ru.gavrikov.mocklocations	emulator_root_tools	Mock Locations	code-search	fake_gps
fr.dvilleneuve.lockito	emulator_root_tools	Lockito	code-search	fake_gps
com.fly.gps	emulator_root_tools	Fly GPS	code-search	fake_gps
com.lkr.fakelocation	emulator_root_tools	Fake Location (LKR)	code-search	fake_gps
com.fakegps.mock	emulator_root_tools	Fake GPS Mock	code-search	fake_gps
com.just4funtools.fakegpslocationprofessional	emulator_root_tools	Fake GPS Location Professional	code-search	fake_gps
com.hopefactory2021.fakegpslocation	emulator_root_tools	Fake GPS Location (Hope Factory)	code-search	fake_gps
location.changer.fake.gps.spoof.emulator	emulator_root_tools	Location Changer	code-search	fake_gps
com.byterev.hexisedmocklocations	emulator_root_tools	Mock Locations (Byterev)	code-search	fake_gps
org.hola.gpslocation	emulator_root_tools	Hola Fake GPS	code-search	fake_gps
com.marlon.floating.fake.location	emulator_root_tools	Floating Fake Location	code-search	fake_gps
com.ninja.toolkit.pulse.fake.gps.pro	emulator_root_tools	Fake GPS Pro (Ninja Toolkit)	code-search	fake_gps
# emulator_root_tools: auto-clickers and automation
com.truedevelopersstudio.automatictap.autoclicker	emulator_root_tools	Auto Clicker (True Developers Studio)	known	auto_clicker
org.autojs.autojs	emulator_root_tools	Auto.js	code-search	auto_clicker
org.autojs.autojspro	emulator_root_tools	Auto.js Pro	code-search	auto_clicker
com.stardust.scriptdroid	emulator_root_tools	Auto.js (ScriptDroid)	code-search	auto_clicker
com.cyjh.mobileanjian	emulator_root_tools	Mobile Anjian	code-search	auto_clicker
com.arlosoft.macrodroid	emulator_root_tools	MacroDroid	known	auto_clicker
com.llamalab.automate	emulator_root_tools	Automate	known	auto_clicker
net.dinglisch.android.taskerm	emulator_root_tools	Tasker	known	auto_clicker
# emulator_root_tools: SMS and call-log editors, backup and restore
com.riteshsahu.SMSBackupRestore	emulator_root_tools	SMS Backup & Restore	known	backup_restore
com.riteshsahu.SMSBackupRestorePro	emulator_root_tools	SMS Backup & Restore Pro	known	backup_restore
com.keramidas.TitaniumBackup	emulator_root_tools	Titanium Backup	known	backup_restore
com.machiav3lli.backup	emulator_root_tools	Neo Backup	known	backup_restore
# emulator_root_tools: emulators and their companion apps
# vpn_remote_access: remote access and screen sharing
com.anydesk.anydeskandroid	vpn_remote_access	AnyDesk	known	remote_access
com.teamviewer.quicksupport.market	vpn_remote_access	TeamViewer QuickSupport	known	remote_access
com.teamviewer.teamviewer.market.mobile	vpn_remote_access	TeamViewer	known	remote_access
com.teamviewer.host.market	vpn_remote_access	TeamViewer Host	known	remote_access
com.rustdesk.rustdesk	vpn_remote_access	RustDesk	code-search	remote_access
com.microsoft.rdc.androidx	vpn_remote_access	Microsoft Remote Desktop	code-search	remote_access
com.zoho.assist.agent	vpn_remote_access	Zoho Assist	code-search	remote_access
com.airdroid.remotesupport	vpn_remote_access	AirDroid Remote Support	code-search	remote_access
com.sand.airdroid	vpn_remote_access	AirDroid	known	remote_access
com.sand.airdroidbiz	vpn_remote_access	AirDroid Business	known	remote_access
com.realvnc.viewer.android	vpn_remote_access	VNC Viewer	code-search	remote_access
com.rsupport.rs.activity.rsupport.aas2	vpn_remote_access	RemoteCall (RSUPPORT)	code-search	remote_access
com.splashtop.remote.pad.v2	vpn_remote_access	Splashtop Personal	known	remote_access
com.google.chromeremotedesktop	vpn_remote_access	Chrome Remote Desktop	known	remote_access
com.iiordanov.freebVNC	vpn_remote_access	bVNC	known	remote_access
# vpn_remote_access: VPNs and proxies
free.vpn.unblock.proxy.turbovpn	vpn_remote_access	Turbo VPN	code-search	vpn
com.fast.free.unblock.secure.vpn	vpn_remote_access	Fast VPN	code-search	vpn
net.openvpn.openvpn	vpn_remote_access	OpenVPN Connect	known	vpn
com.tailscale.ipn	vpn_remote_access	Tailscale	known	vpn
com.wireguard.android	vpn_remote_access	WireGuard	known	vpn
org.outline.android.client	vpn_remote_access	Outline	known	vpn
org.torproject.android	vpn_remote_access	Orbot	known	vpn
org.torproject.torbrowser	vpn_remote_access	Tor Browser	known	vpn
com.cloudflare.onedotonedotonedotone	vpn_remote_access	1.1.1.1 WARP	known	vpn
com.expressvpn.vpn	vpn_remote_access	ExpressVPN	known	vpn
com.nordvpn.android	vpn_remote_access	NordVPN	known	vpn
ch.protonvpn.android	vpn_remote_access	Proton VPN	known	vpn
hotspotshield.android.vpn	vpn_remote_access	Hotspot Shield	known	vpn
com.psiphon3	vpn_remote_access	Psiphon	known	vpn
com.psiphon3.subscription	vpn_remote_access	Psiphon Pro	known	vpn
org.hola	vpn_remote_access	Hola VPN	known	vpn
com.surfshark.vpnclient.android	vpn_remote_access	Surfshark	known	vpn
com.windscribe.vpn	vpn_remote_access	Windscribe	known	vpn
de.blinkt.openvpn	vpn_remote_access	OpenVPN for Android	known	vpn
com.v2ray.ang	vpn_remote_access	v2rayNG	known	vpn
com.github.shadowsocks	vpn_remote_access	Shadowsocks	known	vpn
com.privateinternetaccess.android	vpn_remote_access	Private Internet Access	known	vpn
de.mobileconcepts.cyberghost	vpn_remote_access	CyberGhost	known	vpn
com.ixolit.ipvanish	vpn_remote_access	IPVanish	known	vpn
com.tunnelbear.android	vpn_remote_access	TunnelBear	known	vpn
# betting_gambling: real-money gaming, fantasy, rummy, poker, betting
com.app.dream11Pro	betting_gambling	Dream11	code-search
in.myteam11.store	betting_gambling	MyTeam11	code-search
com.games24x7.my11circle.fantasycricket	betting_gambling	My11Circle	code-search
com.rummydotcom.indianrummycashgame	betting_gambling	Rummy.com	code-search
com.mpl.androidapp	betting_gambling	MPL	known
com.octro.teenpatti	betting_gambling	Teen Patti by Octro	known
com.bluestacks.home	emulator_root_tools	BlueStacks home	code-search	emulator
com.bluestacks.settings	emulator_root_tools	BlueStacks settings	code-search	emulator
com.bluestacks.setup	emulator_root_tools	BlueStacks setup	code-search	emulator
com.bluestacks.bstfolder	emulator_root_tools	BlueStacks folder	code-search	emulator
com.bluestacks.BstCommandProcessor	emulator_root_tools	BlueStacks command processor	code-search	emulator
com.bluestacks.appmart	emulator_root_tools	BlueStacks app centre	code-search	emulator
com.google.android.launcher.layouts.genymotion	emulator_root_tools	Genymotion launcher layouts	code-search	emulator
com.vphone.launcher	emulator_root_tools	VPhone launcher	code-search	emulator
com.zupee.free	betting_gambling	Zupee	code-search
com.vision11	betting_gambling	Vision11	code-search
com.jungleerummy.playcashgameonline	betting_gambling	Junglee Rummy	code-search
com.rummytitans.playcashrummyonline.cardgame	betting_gambling	Rummy Titans	code-search
com.pg.rummypassion	betting_gambling	Rummy Passion	code-search
com.rummycircle.lite.android	betting_gambling	RummyCircle Lite	code-search
air.com.ace2three.mobile	betting_gambling	Ace2Three	code-search
com.parimatch.pmuk014	betting_gambling	Parimatch	code-search
com.usefullapps.fakegpslocationpro	emulator_root_tools	Fake GPS Location Pro	code-search	fake_gps
com.atlasvpn.free.android.proxy.secure	vpn_remote_access	Atlas VPN	code-search	vpn
cc.madkite.freedom	emulator_root_tools	Freedom	code-search	root_tool
com.android.vending.billing.InAppBillingService.LUCK	emulator_root_tools	Lucky Patcher (disguised id)	code-search	root_tool
com.android.vending.billing.InAppBillingService.COIN	emulator_root_tools	Lucky Patcher (disguised id)	github:scottyab/rootbeer	root_tool
org.creeplays.hack	emulator_root_tools	CreeHack	code-search	root_tool
com.baseappfull.fwd	emulator_root_tools	Game Hacker	code-search	root_tool
com.excelliance.dualaid	emulator_root_tools	Dual Aid	code-search	app_cloner
com.ludashi.dualspace	emulator_root_tools	Dual Space	code-search	app_cloner
com.ludashi.superclone	emulator_root_tools	Super Clone	code-search	app_cloner
com.polestar.domultiple	emulator_root_tools	Do Multiple	code-search	app_cloner
com.applisto.appcloner	emulator_root_tools	App Cloner	code-search	app_cloner
com.waxmoon.ma.gp	emulator_root_tools	Multiple Accounts (Waxmoon)	code-search	app_cloner
com.lody.virtual	emulator_root_tools	VirtualApp	code-search	app_cloner
autoclicker.clicker.autoclickerapp.autoclickerforgames	emulator_root_tools	Auto Clicker for games	code-search	auto_clicker
com.tapassistant.autoclicker	emulator_root_tools	Auto Clicker (Tap Assistant)	code-search	auto_clicker
com.speed.gc.autoclicker.automatictap	emulator_root_tools	Auto Clicker Automatic Tap	code-search	auto_clicker
com.mgyun.shua.su	emulator_root_tools	Root Master	code-search	root_tool
org.sbtools.gamehack	emulator_root_tools	SB Game Hacker	code-search	root_tool
com.xmodgame	emulator_root_tools	Xmodgames	code-search	root_tool
"""#
}
