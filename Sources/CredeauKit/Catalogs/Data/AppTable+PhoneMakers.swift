extension AppTable {
    /// Apps that phone makers preinstall (Samsung, Xiaomi, vivo, OPPO, OnePlus, Motorola, Nokia, Transsion).
    static let phoneMakersTSV = #"""
# tools: Samsung
com.sec.android.app.launcher	tools	One UI Home	known
com.sec.android.app.camera	tools	Samsung Camera	known
com.sec.android.gallery3d	tools	Samsung Gallery	known
com.sec.android.app.clockpackage	tools	Samsung Clock	known
com.sec.android.app.popupcalculator	tools	Samsung Calculator	known
com.sec.android.app.soundalive	tools	SoundAlive	code-search
com.sec.android.daemonapp	tools	Samsung Weather	code-search
com.sec.android.mimage.photoretouching	tools	Samsung Photo Editor	code-search
com.sec.android.app.voicenote	tools	Samsung Voice Recorder	known
com.sec.android.app.music	ott_entertainment	Samsung Music (old id)	known
com.samsung.android.app.spage	tools	Samsung Free	known
com.samsung.android.bixby.agent	tools	Bixby Voice	code-search
com.samsung.android.app.routines	tools	Modes and Routines	code-search
com.samsung.android.app.smartcapture	tools	Smart Capture	code-search
com.samsung.android.app.tips	tools	Samsung Tips	code-search
com.samsung.android.app.sharelive	tools	Quick Share (Samsung)	code-search
com.samsung.android.app.telephonyui	tools	Samsung telephony UI	code-search
com.samsung.android.app.dressroom	tools	Samsung wallpapers	code-search
com.samsung.android.app.soundpicker	tools	Samsung sound picker	code-search
com.samsung.android.dynamiclock	tools	Dynamic Lock Screen	code-search
com.samsung.android.emergency	tools	Samsung emergency mode	code-search
com.samsung.android.honeyboard	tools	Samsung Keyboard	code-search
com.samsung.android.incallui	communication	Samsung in-call UI	code-search
com.samsung.android.lool	tools	Samsung Device Care	code-search
com.samsung.android.oneconnect	tools	SmartThings	code-search
com.samsung.android.privacydashboard	tools	Samsung Privacy dashboard	code-search
com.samsung.android.samsungpassautofill	tools	Samsung Pass autofill	code-search
com.samsung.android.scloud	tools	Samsung Cloud	code-search
com.samsung.android.secsoundpicker	tools	Samsung sound picker (sec)	code-search
com.samsung.android.smartmirroring	tools	Smart View	code-search
com.samsung.android.smartsuggestions	tools	Smart suggestions	code-search
com.samsung.android.stickercenter	tools	Sticker Center	code-search
com.samsung.android.themestore	tools	Galaxy Themes	code-search
com.samsung.app.newtrim	tools	Samsung video trimmer	code-search
com.samsung.crane	tools	Samsung Crane	code-search
com.samsung.knox.securefolder	emulator_root_tools	Samsung Secure Folder	code-search	app_cloner
com.samsung.android.app.galaxyfinder	tools	Samsung Finder	known
com.samsung.android.game.gamehome	tools	Game Launcher	known
com.samsung.android.game.gametools	tools	Game Booster	known
com.samsung.android.voc	tools	Samsung Members	known
com.samsung.android.spay	upi_wallet	Samsung Pay	known
com.samsung.android.arzone	tools	AR Zone	known
com.samsung.android.app.watchmanager	tools	Galaxy Wearable	known
com.samsung.android.mobileservice	tools	Samsung Experience Service	known
com.osp.app.signin	tools	Samsung account	code-search
com.wssyncmldm	tools	Samsung software update	code-search
com.samsung.android.kidsinstaller	tools	Samsung Kids	known
com.samsung.android.rubin.app	tools	Samsung Customization Service	known
com.samsung.android.bixby.wakeup	tools	Bixby wake-up	known
com.samsung.android.visionintelligence	tools	Bixby Vision	known
com.sec.android.easyMover	tools	Smart Switch Mobile	known
# tools: Xiaomi, Redmi, POCO (MIUI and HyperOS)
com.miui.home	tools	MIUI System Launcher	code-search
com.mi.android.globallauncher	tools	POCO Launcher	code-search
com.mi.android.globalminusscreen	tools	App vault	code-search
com.mi.globalminusscreen	tools	App vault (new id)	code-search
com.miui.securitycenter	tools	MIUI Security	code-search
com.miui.cleaner	tools	MIUI Cleaner	code-search
com.miui.gallery	tools	MIUI Gallery	code-search
com.miui.calculator	tools	MIUI Calculator	code-search
com.miui.compass	tools	MIUI Compass	code-search
com.miui.fm	ott_entertainment	MIUI FM Radio	code-search
com.miui.weather2	tools	MIUI Weather	code-search
com.miui.screenrecorder	tools	MIUI Screen Recorder	code-search
com.miui.screenshot	tools	MIUI Screenshot	code-search
com.miui.mediaeditor	tools	MIUI Media Editor	code-search
com.miui.mediaviewer	tools	MIUI Media Viewer	code-search
com.miui.android.fashiongallery	tools	Glance for Mi (Wallpaper Carousel)	code-search
com.miui.aod	tools	MIUI Always-on display	code-search
com.miui.bugreport	tools	MIUI Bug report	code-search
com.miui.cloudservice	tools	Xiaomi Cloud	code-search
com.miui.global.packageinstaller	tools	MIUI package installer	code-search
com.miui.miservice	tools	MIUI Services & feedback	code-search
com.miui.mishare.connectivity	tools	Mi Share	code-search
com.miui.misound	tools	MIUI sound	code-search
com.miui.notification	tools	MIUI notifications	code-search
com.miui.securityadd	tools	MIUI security add-on	code-search
com.miui.securitycore	tools	MIUI security core	code-search
com.miui.thirdappassistant	tools	MIUI app assistant	code-search
com.miui.msa.global	tools	MIUI System Ads Solution	known
com.miui.analytics	tools	MIUI Analytics	known
com.miui.hybrid	tools	MIUI Quick Apps	known
com.miui.yellowpage	tools	MIUI Yellow Pages	known
com.miui.backup	tools	MIUI Backup	known
com.miui.powerkeeper	tools	MIUI Battery	known
com.miui.personalassistant	tools	MIUI App Vault (China)	known
com.xiaomi.account	tools	Xiaomi account	code-search
com.xiaomi.aiasst.vision	tools	Xiaomi AI vision	code-search
com.xiaomi.bluetooth	tools	Xiaomi Bluetooth	code-search
com.xiaomi.discover	tools	Xiaomi updater (Discover)	code-search
com.xiaomi.glgm	tools	Xiaomi games	code-search
com.xiaomi.scanner	tools	Xiaomi Scanner	code-search
com.xiaomi.aicr	tools	Xiaomi AICR	code-search
com.xiaomi.joyose	tools	Joyose	known
com.xiaomi.smarthome	tools	Xiaomi Home	known
com.duokan.phone.remotecontroller	tools	Mi Remote	code-search
miui.systemui.plugin	tools	MIUI System UI plugin	code-search
com.milink.service	tools	MIUI cast service	code-search
# tools: vivo, iQOO, OPPO, realme, OnePlus, Motorola, Nokia
com.vivo.assistantfunction	tools	vivo assistant	code-search
com.vivo.calculator	tools	vivo Calculator	code-search
com.vivo.gallery	tools	vivo Albums	code-search
com.vivo.globalsearch	tools	vivo Global search	code-search
com.vivo.imanager	tools	vivo iManager	code-search
com.vivo.magazine	tools	vivo Lock screen magazine	code-search
com.vivo.screenagent	tools	vivo screen agent	code-search
com.vivo.share	tools	vivoShare	code-search
com.vivo.smartshot	tools	vivo S-capture	code-search
com.vivo.systemuiplugin	tools	vivo System UI plugin	code-search
com.vivo.weather	tools	vivo Weather	code-search
com.bbk.SuperPowerSave	tools	vivo Super power saving	code-search
com.bbk.updater	tools	vivo System update	code-search
com.bbk.launcher2	tools	vivo Launcher	known
com.bbk.appstore	tools	vivo App Store (China)	known
com.vivo.easyshare	tools	vivo EasyShare	known
com.heytap.pictorial	tools	OPPO Lock screen magazine	code-search
com.oplus.camera	tools	OPPO Camera	code-search
com.oplus.encryption	tools	OPPO encryption	code-search
com.oplus.phonemanager	tools	OPPO Phone Manager	code-search
com.oplus.safecenter	tools	OPPO Security	code-search
com.oplus.screenshot	tools	OPPO Screenshot	code-search
com.oplus.wirelesssettings	tools	OPPO wireless settings	code-search
com.oppo.quicksearchbox	tools	OPPO Global search	code-search
com.coloros.gallery3d	tools	ColorOS Photos	known
com.coloros.filemanager	tools	ColorOS My Files	known
com.coloros.phonemanager	tools	ColorOS Phone Manager	known
com.heytap.cloud	tools	HeyTap Cloud	known
com.oppo.launcher	tools	OPPO Launcher	known
com.finshell.fin	lending	Finshell Pay	code-search
com.oneplus.deskclock	tools	OnePlus Clock	code-search
com.oneplus.gallery	tools	OnePlus Gallery	code-search
net.oneplus.weather	tools	OnePlus Weather	code-search
net.oneplus.launcher	tools	OnePlus Launcher	known
com.oneplus.camera	tools	OnePlus Camera	known
com.oneplus.filemanager	tools	OnePlus File Manager	known
com.oneplus.note	productivity	OnePlus Notes	known
com.oneplus.backuprestore	tools	OnePlus Clone Phone	known
com.motorola.actions	tools	Moto Actions	code-search
com.motorola.batterycare	tools	Moto Battery care	code-search
com.motorola.camera5	tools	Moto Camera	code-search
com.motorola.coresettingsext	tools	Moto core settings	code-search
com.motorola.dolby.dolbyui	tools	Moto Dolby Atmos	code-search
com.motorola.genie	tools	Moto Device Help	code-search
com.motorola.help	tools	Moto Help	code-search
com.motorola.journal	productivity	Moto Journal	code-search
com.motorola.launcher3	tools	Moto App Launcher	code-search
com.motorola.motosecurecore	tools	Moto Secure core	code-search
com.motorola.msimsettings	tools	Moto dual SIM settings	code-search
com.motorola.mykey	tools	Moto My key	code-search
com.motorola.personalize	tools	Moto Personalize	code-search
com.motorola.screenshoteditor	tools	Moto Screenshot editor	code-search
com.motorola.securevault	tools	Moto Secure folder	code-search
com.motorola.securityhub	tools	Moto Security hub	code-search
com.motorola.timeweatherwidget	tools	Moto Time and weather widget	code-search
com.motorola.uxcore	tools	Moto UX core	code-search
com.hmdglobal.app.camera	tools	Nokia Camera	code-search
com.hmdglobal.app.fmradio	ott_entertainment	Nokia FM Radio	code-search
com.transsion.phonemaster	tools	Phone Master (Infinix, Tecno, itel)	known
com.transsion.XOSLauncher	tools	XOS Launcher (Infinix)	known
com.transsion.hilauncher	tools	HiOS Launcher (Tecno)	known
com.transsion.magicshow	tools	Transsion Visha	known
com.transsnet.store	tools	Palm Store (Transsion)	known
com.afmobi.boomplayer	ott_entertainment	Boomplay	known
com.realme.link	tools	realme Link	known
com.heytap.themestore	tools	Theme Store (OPPO, realme)	known
com.heytap.music	ott_entertainment	Music (OPPO, realme)	known
"""#
}
