extension AppTable {
    /// Games, education, productivity and business apps.
    static let everydayTSV = #"""
# games
com.pubg.imobile	games	Battlegrounds Mobile India	known
com.tencent.ig	games	PUBG Mobile	known
com.dts.freefireth	games	Free Fire	known
com.dts.freefiremax	games	Free Fire MAX	known
com.activision.callofduty.shooter	games	Call of Duty: Mobile	known
com.supercell.clashofclans	games	Clash of Clans	known
com.supercell.clashroyale	games	Clash Royale	known
com.supercell.brawlstars	games	Brawl Stars	known
com.supercell.hayday	games	Hay Day	known
com.ludo.king	games	Ludo King	known
com.king.candycrushsaga	games	Candy Crush Saga	known
com.king.candycrushsodasaga	games	Candy Crush Soda Saga	known
com.kiloo.subwaysurf	games	Subway Surfers	known
com.imangi.templerun2	games	Temple Run 2	known
com.imangi.templerun	games	Temple Run	known
com.fingersoft.hillclimb	games	Hill Climb Racing	known
com.fingersoft.hcr2	games	Hill Climb Racing 2	known
com.mojang.minecraftpe	games	Minecraft	known
com.roblox.client	games	Roblox	known
com.innersloth.spacemafia	games	Among Us	known
com.miniclip.eightballpool	games	8 Ball Pool	known
com.miniclip.carrom	games	Carrom Pool	known
com.ea.gp.fifamobile	games	EA SPORTS FC Mobile	known
com.nextwave.wcc2	games	World Cricket Championship 2	known
com.nextwave.wcc3	games	World Cricket Championship 3	known
com.gameloft.android.ANMP.GloftA9HM	games	Asphalt 9	known
com.gameloft.android.ANMP.GloftA8HM	games	Asphalt 8	known
com.nekki.shadowfight	games	Shadow Fight 2	known
com.nekki.shadowfight3	games	Shadow Fight 3	known
com.outfit7.mytalkingtomfree	games	My Talking Tom	known
com.outfit7.mytalkingtom2	games	My Talking Tom 2	known
com.outfit7.talkingtom	games	Talking Tom Cat	known
com.outfit7.mytalkingangelafree	games	My Talking Angela	known
com.chess	games	Chess.com	known
org.lichess.mobileapp	games	lichess	known
com.nomonkeys.ballblast	games	Ball Blast	code-search
com.fluffyfairygames.idleminertycoon	games	Idle Miner Tycoon	code-search
com.playgendary.bowmasters	games	Bowmasters	known
io.voodoo.paper2	games	Paper.io 2	code-search
io.voodoo.dune	games	Dune!	code-search
com.redlinegames.attackhole	games	Attack Hole	code-search
com.vincentb.MobControl	games	Mob Control	code-search
com.gma.water.sort.puzzle	games	Water Sort Puzzle	code-search
sortpuz.water.sort.puzzle.game	games	Water Sort Puzz	code-search
com.dogerescue.drawpuzzle.save	games	Save the Doge	code-search
com.nexon.kart	games	KartRider Rush+	code-search
com.halfbrick.fruitninjafree	games	Fruit Ninja	known
com.rovio.angrybirds	games	Angry Birds	known
com.rovio.baba	games	Angry Birds 2	known
com.zynga.words3	games	Words With Friends 2	known
com.moonactive.coinmaster	games	Coin Master	known
com.playrix.homescapes	games	Homescapes	known
com.playrix.gardenscapes	games	Gardenscapes	known
com.playrix.township	games	Township	known
com.miHoYo.GenshinImpact	games	Genshin Impact	known
com.garena.game.codm	games	Call of Duty: Mobile (Garena)	known
com.ea.game.pvzfree_row	games	Plants vs. Zombies	known
com.ea.game.pvz2_row	games	Plants vs. Zombies 2	known
com.igg.android.lordsmobile	games	Lords Mobile	known
com.lilithgame.roc.gp	games	Rise of Kingdoms	known
com.gameloft.android.ANMP.GloftDMHM	games	Despicable Me Minion Rush	known
com.mobilityware.solitaire	games	Solitaire (MobilityWare)	known
com.easybrain.sudoku.android	games	Sudoku.com	known
com.block.juggle	games	Block Blast	known
com.tripledot.woodoku	games	Woodoku	known
com.zeptolab.ctr.ads	games	Cut the Rope	known
com.scopely.monopolygo	games	Monopoly GO	known
com.dreamgames.royalmatch	games	Royal Match	known
# education
com.byjus.thelearningapp	education	BYJU'S	known
com.duolingo	education	Duolingo	known
com.unacademyapp	education	Unacademy	known
xyz.penpencil.physicswala	education	Physics Wallah	known
com.careerwill.careerwillapp	education	Careerwill	code-search
com.testbook.tbapp	education	Testbook	known
co.gradeup.android	education	Gradeup (BYJU'S Exam Prep)	known
com.khanacademy.android	education	Khan Academy	known
org.coursera.android	education	Coursera	known
com.udemy.android	education	Udemy	known
com.google.android.apps.classroom	education	Google Classroom	known
co.brainly	education	Brainly (alt id)	known
com.microblink.photomath	education	Photomath (old id)	known
com.indiabix	education	IndiaBIX	code-search
com.sololearn	education	Sololearn	known
com.blinkslabs.blinkist.android	education	Blinkist	code-search
com.ovelin.guitartuna	education	GuitarTuna	code-search
pes.pesu	education	PESU Academy	code-search
com.google.android.apps.translate	education	Google Translate	known
in.gov.diksha.app	education	DIKSHA	known
com.openai.chatgpt	productivity	ChatGPT	known
com.google.android.apps.bard	productivity	Gemini	known
ai.perplexity.app.android	productivity	Perplexity	known
com.anthropic.claude	productivity	Claude	known
com.microsoft.copilot	productivity	Microsoft Copilot	known
# productivity
com.google.android.apps.docs	productivity	Google Drive	known
com.google.android.apps.docs.editors.docs	productivity	Google Docs	known
com.google.android.apps.docs.editors.sheets	productivity	Google Sheets	known
com.google.android.apps.docs.editors.slides	productivity	Google Slides	known
com.google.android.keep	productivity	Google Keep	known
com.google.android.calendar	productivity	Google Calendar	known
com.google.android.apps.tasks	productivity	Google Tasks	known
com.google.android.apps.photos	productivity	Google Photos	known
com.google.android.apps.googleassistant	productivity	Google Assistant	known
com.microsoft.office.officehubrow	productivity	Microsoft 365 (Office)	known
com.microsoft.office.word	productivity	Microsoft Word	known
com.microsoft.office.excel	productivity	Microsoft Excel	known
com.microsoft.office.powerpoint	productivity	Microsoft PowerPoint	known
com.microsoft.office.onenote	productivity	OneNote	known
com.microsoft.skydrive	productivity	OneDrive	known
com.microsoft.todos	productivity	Microsoft To Do	known
com.microsoft.launcher	tools	Microsoft Launcher	known
cn.wps.moffice_eng	productivity	WPS Office	known
com.adobe.reader	productivity	Adobe Acrobat Reader	known
com.adobe.scan.android	productivity	Adobe Scan	known
com.adobe.lrmobile	productivity	Lightroom	known
com.adobe.psmobile	productivity	Photoshop Express	known
com.intsig.camscanner	productivity	CamScanner	known
com.cv.docscanner	productivity	Doc Scanner	code-search
com.trustedapp.pdfreaderpdfviewer	productivity	PDF Reader (Trusted App)	code-search
com.dropbox.android	productivity	Dropbox	known
com.evernote	productivity	Evernote	known
notion.id	productivity	Notion	known
com.todoist	productivity	Todoist	known
com.ticktick.task	productivity	TickTick	known
com.canva.editor	productivity	Canva	known
com.camerasideas.instashot	productivity	InShot	code-search
com.nexstreaming.app.kinemasterfree	productivity	KineMaster (old id)	known
com.vblast.flipaclip	productivity	FlipaClip	code-search
com.picsart.studio	productivity	Picsart	known
com.niksoftware.snapseed	productivity	Snapseed (Nik id)	known
com.dev47apps.droidcam	productivity	DroidCam	code-search
com.samsung.android.app.notes	productivity	Samsung Notes	code-search
com.miui.notes	productivity	Mi Notes	code-search
com.vivo.notes	productivity	vivo Notes	code-search
com.xiaomi.calendar	productivity	Xiaomi Calendar	code-search
com.samsung.android.calendar	productivity	Samsung Calendar	code-search
com.yozo.vivo.office	productivity	vivo Office (Yozo)	code-search
com.digilocker.android	productivity	DigiLocker	known
in.gov.uidai.mAadhaarPlus	productivity	mAadhaar	known
in.gov.umang.negd.g20	productivity	UMANG	known
naukriApp.appModules.login	business	Naukri	known
in.workindia.nileshdungarwal.workindiaandroid	business	WorkIndia	code-search
com.apnatime	business	apna	known
com.hirist.jobseeker	business	hirist	code-search
com.indeed.android.jobsearch	business	Indeed	known
# business
in.android.vyapar	business	Vyapar	known
com.vaibhavkalpe.android.khatabook	business	Khatabook	known
in.okcredit.merchant	business	OkCredit	known
com.bharatpe.app	business	BharatPe	code-search
com.paytm.business	business	Paytm for Business	code-search
com.phonepe.app.business	business	PhonePe Business	code-search
com.google.android.apps.nbu.paisa.merchant	business	Google Pay for Business	known
com.valorem.flobooks	business	myBillBook	code-search
com.udaan.android	business	udaan	known
com.zoho.books	business	Zoho Books	known
com.zoho.invoice	business	Zoho Invoice	known
com.indiamart.m	business	IndiaMART	known
com.amazon.sellermobile.android	business	Amazon Seller	known
com.google.android.apps.adwords	business	Google Ads	known
com.facebook.adsmanager	business	Meta Ads Manager	known
com.shopify.mobile	business	Shopify	known
com.ubercab.driver	business	Uber Driver	known
com.urbanclap.urbanclap	other	Urban Company	code-search
com.nobroker.app	other	NoBroker	code-search
com.justdial.search	other	Justdial	known
com.google.android.apps.seekh	education	Read Along by Google	known
com.monsterindia.seeker.views	business	foundit (Monster India)	code-search
in.workindia.hireindia	business	WorkIndia hiring	code-search
com.bnb.paynearby	business	PayNearby	code-search
com.zaggle	business	Zaggle	code-search
com.sunstone.hub	education	Sunstone	code-search
com.razorpay.payments.app	business	Razorpay	code-search
com.cashfree.merchant	business	Cashfree	code-search
"""#
}
