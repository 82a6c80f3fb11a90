extension AppTable {
    /// Health apps, Google and AOSP system apps, browsers and utilities.
    static let toolsTSV = #"""
# health
com.practo.fabric	health	Practo	known
com.aranoah.healthkart.plus	health	Tata 1mg	known
nic.goi.aarogyasetu	health	Aarogya Setu	known
com.healthifyme.basic	health	HealthifyMe	known
com.google.android.apps.fitness	health	Google Fit	known
com.google.android.apps.healthdata	health	Health Connect	known
com.google.android.healthconnect.controller	health	Health Connect controller	code-search
com.sec.android.app.shealth	health	Samsung Health	known
com.samsung.android.forest	health	Samsung Digital Wellbeing	code-search
com.google.android.apps.wellbeing	health	Digital Wellbeing	known
com.xiaomi.wearable	health	Mi Fitness	code-search
com.xiaomi.hm.health	health	Zepp Life (Mi Fit)	known
com.huami.watch.hmwatchmanager	health	Zepp	known
com.crrepa.band.dafit	health	Da Fit	code-search
com.vivo.stepcount	health	vivo step counter	code-search
com.boAt.hearables	tools	boAt Hearables	code-search
com.firebolttpro.watch	health	Fire-Boltt watch	code-search
com.fitbit.FitbitMobile	health	Fitbit	known
com.strava	health	Strava	known
com.myfitnesspal.android	health	MyFitnessPal	known
com.calm.android	health	Calm	known
com.getsomeheadspace.android	health	Headspace	known
org.iggymedia.periodtracker	health	Flo Period Tracker	known
com.sillens.shapeupclub	health	Lifesum	known
com.northcube.sleepcycle	health	Sleep Cycle	known
org.sadhguru.miracleofmind	health	Miracle of Mind	code-search
homeworkout.homeworkouts.noequipment	health	Home Workout	known
com.popularapp.sevenmins	health	7 Minute Workout	known
# tools: Google
com.android.chrome	tools	Chrome	known
com.google.android.googlequicksearchbox	tools	Google app	known
com.google.android.apps.searchlite	tools	Google Go	known
com.google.android.gms	tools	Google Play services	known
com.google.android.gsf	tools	Google Services Framework	known
com.google.android.webview	tools	Android System WebView	known
com.google.android.trichromelibrary	tools	Trichrome Library	known
com.google.android.inputmethod.latin	tools	Gboard	known
com.google.android.apps.nbu.files	tools	Files by Google	known
com.google.android.documentsui	tools	Files (system)	known
com.google.android.calculator	tools	Google Calculator	known
com.google.android.deskclock	tools	Google Clock	known
com.google.android.apps.authenticator2	tools	Google Authenticator	known
com.google.ar.lens	tools	Google Lens	known
com.google.android.tts	tools	Speech Services by Google	known
com.google.android.apps.adm	tools	Find My Device	known
com.google.android.apps.safetyhub	tools	Personal Safety	code-search
com.google.android.GoogleCamera	tools	Pixel Camera	known
com.google.android.apps.chromecast.app	tools	Google Home	known
com.google.android.apps.nexuslauncher	tools	Pixel Launcher	known
com.google.android.apps.restore	tools	Data Restore Tool	known
com.google.android.markup	tools	Markup	known
com.google.android.apps.walletnfcrel	upi_wallet	Google Wallet	known
com.google.android.apps.recorder	tools	Pixel Recorder	known
com.google.android.apps.wallpaper	tools	Wallpaper & style	known
com.google.android.apps.turbo	tools	Device Health Services	known
com.google.android.apps.photosgo	productivity	Gallery Go	known
com.google.android.youtube.tv	ott_entertainment	YouTube for Android TV	known
com.google.android.apps.magazines	other	Google News	known
com.google.android.feedback	tools	Market Feedback Agent	known
com.google.android.setupwizard	tools	Android Setup	known
com.google.android.packageinstaller	tools	Package installer	known
com.google.android.permissioncontroller	tools	Permission controller	known
com.google.android.captiveportallogin	tools	Captive portal login	known
com.google.android.cellbroadcastreceiver	tools	Wireless emergency alerts	known
com.google.android.accessibility.switchaccess	tools	Switch Access	code-search
com.google.android.marvin.talkback	tools	TalkBack (Android Accessibility Suite)	known
# tools: AOSP
com.android.settings	tools	Settings	known
com.android.systemui	tools	System UI	known
com.android.vpndialogs	tools	VPN dialogs	known
com.android.camera	tools	Camera (AOSP)	known
com.android.camera2	tools	Camera (AOSP 2)	known
com.android.calculator2	tools	Calculator (AOSP)	known
com.android.deskclock	tools	Clock (AOSP)	known
com.android.calendar	productivity	Calendar (AOSP)	known
com.android.gallery3d	tools	Gallery (AOSP)	known
com.android.documentsui	tools	Files (AOSP)	known
com.android.providers.downloads.ui	tools	Downloads	known
com.android.printspooler	tools	Print Spooler	known
com.android.bips	tools	Default Print Service	known
com.android.launcher3	tools	Launcher3	known
com.android.stk	tools	SIM Toolkit	known
com.android.soundrecorder	tools	Sound Recorder (AOSP)	known
com.android.bluetooth	tools	Bluetooth	known
com.android.nfc	tools	NFC service	known
com.android.shell	tools	Shell	known
com.android.wallpaper.livepicker	tools	Live wallpaper picker	known
com.android.htmlviewer	tools	HTML Viewer	known
com.android.keychain	tools	Key Chain	known
com.android.mtp	tools	MTP host	known
com.android.certinstaller	tools	Certificate installer	known
com.android.emergency	tools	Emergency information	known
com.android.traceur	tools	System tracing	known
com.android.egg	tools	Android Easter Egg	known
com.android.music	ott_entertainment	Music (AOSP)	known
com.android.email	communication	Email (AOSP)	known
com.android.browser	tools	Browser (AOSP)	known
# tools: browsers and utilities
org.mozilla.firefox	tools	Firefox	known
org.mozilla.focus	tools	Firefox Focus	known
com.opera.browser	tools	Opera	known
com.opera.mini.native	tools	Opera Mini	known
com.opera.gx	tools	Opera GX	known
com.brave.browser	tools	Brave	known
com.microsoft.emmx	tools	Microsoft Edge	known
com.UCMobile.intl	tools	UC Browser	known
com.uc.browser.en	tools	UC Browser Mini	known
com.sec.android.app.sbrowser	tools	Samsung Internet	known
com.duckduckgo.mobile.android	tools	DuckDuckGo	known
com.jio.web	tools	JioSphere (JioPages)	code-search
com.vivo.browser	tools	vivo Browser	code-search
com.heytap.browser	tools	OPPO Browser	code-search
com.mi.globalbrowser	tools	Mi Browser	known
com.kiwibrowser.browser	tools	Kiwi Browser	known
com.cloudmosa.puffinFree	tools	Puffin	known
com.lenovo.anyshare.gps	tools	SHAREit	known
com.xiaomi.midrop	tools	ShareMe	code-search
cn.xender	tools	Xender	known
com.estrongs.android.pop	tools	ES File Explorer	known
com.mi.android.globalFileexplorer	tools	Mi File Manager	code-search
com.sec.android.app.myfiles	tools	Samsung My Files	code-search
com.rarlab.rar	tools	RAR	known
com.zip.unzip.zipextractor.raropener.zipfile	tools	Zip Extractor	code-search
com.delphicoder.flud	tools	Flud	code-search
intelligems.torrdroid	tools	TorrDroid	code-search
com.utorrent.client	tools	µTorrent	known
com.bittorrent.client	tools	BitTorrent	known
idm.internet.download.manager	tools	1DM	known
com.dubox.drive	tools	TeraBox	code-search
com.domobile.applock.ind	tools	AppLock (DoMobile)	code-search
com.domobile.applock	tools	AppLock (DoMobile, global)	known
com.cleanmaster.mguard	tools	Clean Master	known
com.avast.android.mobilesecurity	tools	Avast Mobile Security	known
com.avira.android	tools	Avira	known
com.kms.free	tools	Kaspersky	known
com.symantec.mobilesecurity	tools	Norton 360	known
com.quickheal.platform	tools	Quick Heal	known
com.wsandroid.suite	tools	McAfee Security	known
com.lookout	tools	Lookout	known
com.bitdefender.security	tools	Bitdefender	known
com.touchtype.swiftkey	tools	Microsoft SwiftKey	known
com.kannada.keyboard.for.android	tools	Kannada Keyboard	code-search
com.teslacoilsw.launcher	tools	Nova Launcher	known
com.microsoft.appmanager	tools	Link to Windows	known
com.pas.webcam	tools	IP Webcam	code-search
org.kde.kdeconnect_tp	tools	KDE Connect	known
com.server.auditor.ssh.client	tools	Termius	known
com.github.android	productivity	GitHub	known
org.fdroid.fdroid	tools	F-Droid	known
com.azure.authenticator	tools	Microsoft Authenticator	known
authenticator.two.factor.authentication.otp	tools	Authenticator (2FA)	code-search
com.lastpass.lpandroid	tools	LastPass	known
com.x8bit.bitwarden	tools	Bitwarden	known
com.agilebits.onepassword	tools	1Password	known
com.inmobi.weather	tools	Weather (InMobi)	code-search
com.accuweather.android	tools	AccuWeather	known
com.compass.digital.direction.qiblafinder.prayertimes	tools	Compass	code-search
org.zwanoo.android.speedtest	tools	Speedtest by Ookla	known
com.myairtelapp	tools	Airtel Thanks	known
com.jio.myjio	tools	MyJio	known
com.mventus.selfcare.activity	tools	Vi app	known
fit.cure.android	health	cult.fit	code-search
com.mfine	health	MFine	code-search
com.mosaicwellness.manmatters	health	Man Matters	code-search
com.squats.fittr	health	Fittr	code-search
in.medibuddy	health	MediBuddy	code-search
com.apollo.patientapp	health	Apollo 247	code-search
com.phablecare	health	Phable	code-search
com.chrome.beta	tools	Chrome Beta	known
com.chrome.dev	tools	Chrome Dev	known
com.chrome.canary	tools	Chrome Canary	known
com.vivaldi.browser	tools	Vivaldi	known
"""#
}
