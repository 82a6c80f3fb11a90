extension AppTable {
    /// Shopping, app stores, food delivery, travel and streaming apps.
    static let consumerTSV = #"""
# shopping
com.flipkart.android	shopping	Flipkart	known
com.myntra.android	shopping	Myntra	known
com.meesho.supply	shopping	Meesho	known
com.snapdeal.main	shopping	Snapdeal	known
com.ril.ajio	shopping	AJIO	code-search
com.jpl.jiomart	shopping	JioMart	known
com.shopping.limeroad	shopping	LimeRoad	code-search
com.tataneu	shopping	Tata Neu	code-search
com.fsn.nykaa	shopping	Nykaa (old id)	known
com.manash.purplle	shopping	Purplle	code-search
com.lenskart.app	shopping	Lenskart	code-search
com.bigbasket.mobileapp	shopping	BigBasket	known
com.grofers.customerapp	shopping	Blinkit	known
app.blinkit.onboarding	shopping	Blinkit (onboarding)	code-search
com.zeptoconsumerapp	shopping	Zepto	known
in.swiggy.android.instamart	shopping	Swiggy Instamart	code-search
com.olx.southasia	shopping	OLX India	known
com.shopclues	shopping	ShopClues	known
com.cashkaro	shopping	CashKaro	known
com.buyhatke.assistant	shopping	BuyHatke	code-search
in.pricehistory.app	shopping	Price History	code-search
com.samsung.ecomm.global.in	shopping	Samsung Shop	code-search
com.magicpin.local	shopping	magicpin	code-search
com.firstcry.android	shopping	FirstCry	known
com.bewakoof.bewakoof	shopping	Bewakoof	known
com.clubfactory	shopping	Club Factory	known
com.zzkko	shopping	SHEIN (global id)	code-search
com.alibaba.aliexpresshd	shopping	AliExpress	known
com.ebay.mobile	shopping	eBay	known
com.einnovation.temu	shopping	Temu	known
com.ikea.kompis	shopping	IKEA	known
com.quikr	shopping	Quikr	known
com.mi.appfinder	shopping	Mi App Finder	code-search
com.xiaomi.mipicks	tools	Mi GetApps	code-search
com.sec.android.app.samsungapps	tools	Galaxy Store	code-search
com.vivo.appstore	tools	vivo App Store	code-search
com.heytap.market	tools	OPPO App Market	known
com.android.vending	tools	Google Play Store	known
com.indus.appstore	tools	Indus Appstore	code-search
com.aptoide.pt	tools	Aptoide	known
com.apkpure.aegon	tools	APKPure	known
com.uptodown	tools	Uptodown	known
# food_delivery
in.swiggy.android	food_delivery	Swiggy	known
com.application.zomato	food_delivery	Zomato	known
com.application.zomato.district	ott_entertainment	District by Zomato	code-search
com.Dominos	food_delivery	Domino's Pizza India	code-search
com.il.mcdelivery	food_delivery	McDelivery India	code-search
in.burgerking.android	food_delivery	Burger King India	code-search
com.done.faasos	food_delivery	Faasos	code-search
in.thirdwavecoffee.android	food_delivery	Third Wave Coffee	code-search
com.tiffit.user	food_delivery	Tiffit	code-search
com.licious	food_delivery	Licious	known
com.otipy.otipy	food_delivery	Otipy	code-search
com.ubercab.eats	food_delivery	Uber Eats	known
com.dd.doordash	food_delivery	DoorDash	known
com.grubhub.android	food_delivery	Grubhub	known
# travel
com.olacabs.customer	travel	Ola	known
com.ubercab	travel	Uber	known
com.rapido.passenger	travel	Rapido	known
in.juspay.nammayatri	travel	Namma Yatri	code-search
com.makemytrip	travel	MakeMyTrip	known
com.goibibo	travel	Goibibo	known
com.cleartrip.android	travel	Cleartrip	known
com.ixigo	travel	ixigo Flights	known
com.ixigo.train.ixitrain	travel	ixigo Trains	known
com.confirmtkt.lite	travel	ConfirmTkt	code-search
cris.org.in.prs.ima	travel	IRCTC Rail Connect	known
org.cris.aikyam	travel	UTS (CRIS)	code-search
com.whereismytrain.android	travel	Where is my Train	known
in.redbus.android	travel	redBus	known
com.app.abhibus	travel	AbhiBus	code-search
com.oyo.consumer	travel	OYO	known
com.booking	travel	Booking.com	known
com.airbnb.android	travel	Airbnb	known
com.tripadvisor.tripadvisor	travel	Tripadvisor	known
com.agoda.mobile.consumer	travel	Agoda	known
com.trivago	travel	trivago	known
com.yatra.base	travel	Yatra	known
com.treebo.starscream	travel	Treebo	code-search
com.zoomcar	travel	Zoomcar	known
com.google.android.apps.maps	travel	Google Maps	known
com.google.android.apps.mapslite	travel	Google Maps Go	known
com.waze	travel	Waze	known
com.aum.nammametro	travel	Namma Metro	code-search
com.bmtc.bmtcavls	travel	BMTC Namma BMTC	code-search
com.ksrtc.awatar.new	travel	KSRTC	code-search
com.google.android.projection.gearhead	travel	Android Auto	known
com.grabtaxi.passenger	travel	Grab	code-search
# ott_entertainment
com.google.android.youtube	ott_entertainment	YouTube	known
com.google.android.apps.youtube.music	ott_entertainment	YouTube Music	known
com.google.android.apps.youtube.kids	ott_entertainment	YouTube Kids	known
app.revanced.android.youtube	ott_entertainment	YouTube ReVanced	code-search
com.netflix.mediaclient	ott_entertainment	Netflix	known
in.startv.hotstar	ott_entertainment	JioHotstar (Disney+ Hotstar)	known
com.amazon.avod.thirdpartyclient	ott_entertainment	Prime Video	known
com.jio.media.ondemand	ott_entertainment	JioCinema	known
com.jio.media.jiobeats	ott_entertainment	JioSaavn	known
com.jio.jioplay.tv	ott_entertainment	JioTV	known
com.graymatrix.did	ott_entertainment	ZEE5	known
com.sonyliv	ott_entertainment	Sony LIV	known
com.tv.v18.viola	ott_entertainment	JioCinema (Voot id)	known
com.mxtech.videoplayer.ad	ott_entertainment	MX Player	known
com.mxtech.videoplayer.pro	ott_entertainment	MX Player Pro	known
com.balaji.alt	ott_entertainment	ALTT	known
com.hungama.myplay.activity	ott_entertainment	Hungama Music	known
com.bsbportal.music	ott_entertainment	Wynk Music	known
tv.accedo.airtel.wynk	ott_entertainment	Airtel Xstream	code-search
com.gaana	ott_entertainment	Gaana	known
com.spotify.music	ott_entertainment	Spotify	known
com.apple.android.music	ott_entertainment	Apple Music	known
com.amazon.mp3	ott_entertainment	Amazon Music	known
com.audible.application	ott_entertainment	Audible	known
com.radio.pocketfm	ott_entertainment	Pocket FM	code-search
com.bt.bms	ott_entertainment	BookMyShow	code-search
com.net.pvr	ott_entertainment	PVR INOX	code-search
com.epic.docubay	ott_entertainment	DocuBay	code-search
com.google.android.videos	ott_entertainment	Google TV	known
com.google.android.apps.subscriptions.red	ott_entertainment	Google One	code-search
com.nemo.vidmate	ott_entertainment	VidMate	code-search
com.playit.videoplayer	ott_entertainment	PLAYit	code-search
com.dywx.larkplayer	ott_entertainment	Lark Player	code-search
video.like	ott_entertainment	Likee	known
com.snaptube.premium	ott_entertainment	Snaptube	known
org.videolan.vlc	ott_entertainment	VLC	known
com.mobile.legends	games	Mobile Legends: Bang Bang	known
com.miui.player	ott_entertainment	Mi Music	code-search
com.miui.videoplayer	ott_entertainment	Mi Video	known
com.samsung.android.video	ott_entertainment	Samsung Video	code-search
com.google.android.apps.podcasts	ott_entertainment	Google Podcasts	known
com.shazam.android	ott_entertainment	Shazam	known
com.soundcloud.android	ott_entertainment	SoundCloud	known
tv.twitch.android.app	ott_entertainment	Twitch	known
com.rumble.battles	ott_entertainment	Rumble	known
com.app.cricketapp	ott_entertainment	Cricket Line Guru	code-search
in.cricketexchange.app.cricketexchange	ott_entertainment	Cricket Exchange	code-search
com.cricbuzz.android	ott_entertainment	Cricbuzz	known
com.july.cricinfo	ott_entertainment	ESPNcricinfo	known
jp.co.shueisha.mangaplus	ott_entertainment	MANGA Plus	code-search
com.naver.linewebtoon	ott_entertainment	WEBTOON (Naver)	known
com.pratilipi.mobile.android	ott_entertainment	Pratilipi	known
com.astrotalk	other	Astrotalk	code-search
com.ojassoft.astrosage	other	AstroSage	code-search
com.tul.tatacliq	shopping	Tata CLiQ	known
com.girnarsoft.cardekho	shopping	CarDekho	known
in.goindigo.android	travel	IndiGo	known
com.comuto	travel	BlaBlaCar	known
com.vlv.aravali	ott_entertainment	Kuku FM	known
com.app.pepperfry	shopping	Pepperfry	code-search
com.nnnow.arvind	shopping	NNNOW	code-search
com.localqueen	shopping	LocalQueen	code-search
com.flipkart.shopsy	shopping	Shopsy	code-search
com.dealshare	shopping	DealShare	code-search
co.go.fynd	shopping	Fynd	code-search
com.myglamm.ecommerce	shopping	MyGlamm	code-search
com.spinny.consumer	shopping	Spinny	code-search
com.app.smytten	shopping	Smytten	code-search
com.reglobe.cashify	shopping	Cashify	code-search
com.dunzo.user	shopping	Dunzo	code-search
com.blackmartalpha	tools	Black Market alpha	code-search
org.blackmart.market	tools	Blackmart	code-search
com.pizzahut.phd	food_delivery	Pizza Hut Delivery (India)	code-search
com.theporter.android.customerapp	business	Porter	code-search
com.vogo.android	travel	Vogo	code-search
com.ht.ottplay	ott_entertainment	OTTplay	code-search
com.saranyu.shemarooworld	ott_entertainment	ShemarooMe	code-search
com.vuclip.viu	ott_entertainment	Viu	code-search
com.viewlift.hoichoi	ott_entertainment	hoichoi	code-search
ahaflix.tv	ott_entertainment	aha	code-search
com.threesixteen.app	ott_entertainment	Rooter	code-search
com.ryzmedia.tatasky	ott_entertainment	Tata Play	code-search
"""#
}
