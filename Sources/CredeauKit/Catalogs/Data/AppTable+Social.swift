extension AppTable {
    /// Social, communication and dating apps.
    static let socialTSV = #"""
# social
com.facebook.katana	social	Facebook	known
com.facebook.lite	social	Facebook Lite	known
com.instagram.android	social	Instagram	known
com.instagram.barcelona	social	Threads	known
com.instagram.lite	social	Instagram Lite	known
com.snapchat.android	social	Snapchat	known
com.twitter.android	social	X (Twitter)	known
com.linkedin.android	social	LinkedIn	known
com.reddit.frontpage	social	Reddit	known
com.pinterest	social	Pinterest	known
com.zhiliaoapp.musically	social	TikTok	known
com.ss.android.ugc.trill	social	TikTok (Asia)	known
in.mohalla.sharechat	social	ShareChat	known
in.mohalla.video	social	Moj	known
com.eterno.shortvideos	social	Josh	known
io.chingari.app	social	Chingari	code-search
com.koo.app	social	Koo	known
com.next.innovation.takatak	social	MX TakaTak	known
com.roposo.android	social	Roposo	known
com.tumblr	social	Tumblr	known
com.quora.android	social	Quora	known
ru.ok.android	social	OK.ru	code-search
com.lemon.lvoverseas	social	CapCut	known
com.bereal.ft	social	BeReal	known
com.clubhouse.app	social	Clubhouse	known
org.joinmastodon.android	social	Mastodon (official)	known
live.friend.dostt	social	Dostt	code-search
com.vkontakte.android	social	VK (old id)	known
com.google.android.apps.youtube.creator	social	YouTube Studio	known
com.instagram.layout	social	Layout from Instagram	known
com.lightricks.facetune.free	social	Facetune	known
com.facebook.pages.app	social	Meta Business Suite	known
com.facebook.mlite	communication	Messenger Lite	known
# communication
com.whatsapp	communication	WhatsApp	known
com.whatsapp.w4b	communication	WhatsApp Business	known
com.facebook.orca	communication	Messenger	known
org.telegram.messenger	communication	Telegram	known
org.telegram.messenger.web	communication	Telegram (web build)	known
org.thunderdog.challegram	communication	Telegram X	known
org.thoughtcrime.securesms	communication	Signal	known
com.viber.voip	communication	Viber	known
jp.naver.line.android	communication	LINE	known
com.tencent.mm	communication	WeChat	known
com.imo.android.imoim	communication	imo	known
com.imo.android.imoimbeta	communication	imo beta	known
com.skype.raider	communication	Skype	known
com.discord	communication	Discord	known
com.truecaller	communication	Truecaller	known
com.google.android.apps.messaging	communication	Google Messages	known
com.google.android.dialer	communication	Google Phone	known
com.google.android.contacts	communication	Google Contacts	known
com.google.android.gm	communication	Gmail	known
com.google.android.gm.lite	communication	Gmail Go	known
com.google.android.apps.tachyon	communication	Google Meet (Duo)	known
com.google.android.apps.meetings	communication	Google Meet (old id)	known
com.microsoft.office.outlook	communication	Outlook	known
com.microsoft.teams	communication	Microsoft Teams	known
us.zoom.videomeetings	communication	Zoom	known
com.Slack	communication	Slack	known
com.yahoo.mobile.client.android.mail	communication	Yahoo Mail	known
com.samsung.android.messaging	communication	Samsung Messages	code-search
com.samsung.android.dialer	communication	Samsung Phone	code-search
com.samsung.android.app.contacts	communication	Samsung Contacts	code-search
com.android.mms	communication	Messaging (AOSP)	known
com.android.contacts	communication	Contacts (AOSP)	known
com.android.dialer	communication	Phone (AOSP)	known
com.android.phone	communication	Phone services (AOSP)	known
com.android.server.telecom	communication	Telecom (AOSP)	known
com.jio.join	communication	JioCall	known
com.bsb.hike	communication	hike	known
com.kakao.talk	communication	KakaoTalk	known
com.zing.zalo	communication	Zalo	known
com.callapp.contacts	communication	CallApp	known
com.hiya.star	communication	Hiya	known
com.eyecon.global	communication	Eyecon	known
com.textra	communication	Textra	known
com.cisco.webex.meetings	communication	Webex	known
com.google.android.apps.dynamite	communication	Google Chat	known
com.zoho.mail	communication	Zoho Mail	known
# dating
com.tinder	dating	Tinder	known
com.bumble.app	dating	Bumble	known
co.hinge.app	dating	Hinge	known
com.aisle.app	dating	Aisle	known
com.trulymadly.android.app	dating	TrulyMadly	known
com.quackquack	dating	QuackQuack	known
com.happn.app	dating	happn	known
com.okcupid.okcupid	dating	OkCupid	known
com.badoo.mobile	dating	Badoo	known
com.taggedapp	dating	Tagged	known
com.grindrapp.android	dating	Grindr	known
com.match.android.matchmobile	dating	Match	known
com.pof.android	dating	Plenty of Fish	known
net.lovoo.android	dating	LOVOO	known
com.hily.app	dating	Hily	known
com.jeevansathi.android	dating	Jeevansathi	known
com.shaadi.android	dating	Shaadi.com	known
com.bharatmatrimony	dating	BharatMatrimony	known
com.mico	dating	MICO	known
sg.bigo.live	dating	Bigo Live	known
com.azarlive.android	dating	Azar	known
com.zoosk.zoosk	dating	Zoosk	known
com.skout.android	dating	Skout	known
com.sgiggle.production	dating	Tango	known
com.yaari	social	Yaari	code-search
com.boloindya.boloindya	social	Bolo Indya	code-search
com.nojoto.cinco	social	Nojoto	code-search
com.kwai.video	social	Kwai	code-search
com.kwai.bulldog	social	Snack Video	code-search
com.betterhalf	dating	Betterhalf	code-search
com.jiochat.jiochatapp	communication	JioChat	code-search
com.microsoft.android.smsorganizer	communication	SMS Organizer	code-search
"""#
}
