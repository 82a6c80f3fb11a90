extension AppTable {
    /// News, government and other apps, and further games.
    static let moreTSV = #"""
# other: news, government, religion, classifieds
com.eterno	other	Dailyhunt	code-search
com.et.reader.activities	other	The Economic Times	known
com.toi.reader.activities	other	The Times of India	known
com.ht.news	other	Hindustan Times	known
com.nis.app	other	Inshorts (nis id)	known
com.opera.app.news	other	Opera News	known
com.microsoft.amp.apps.bingnews	other	Microsoft Start	known
flipboard.app	other	Flipboard	known
com.alokmandavgane.hinducalendar	other	Hindu Calendar	code-search
com.bharathi.shreerama	other	Shree Rama	code-search
com.newleaf.app.android.victor	ott_entertainment	ReelShort	code-search
com.honeygain.make.money	other	Honeygain	code-search
com.justvend	shopping	JustVend	code-search
com.tmstore.robu.in	shopping	Robu.in	code-search
com.si.heynote	productivity	HeyNote	code-search
com.machinelearningforsmallbusiness.leetcodepython	education	LeetCode Python	code-search
python.programming.coding.python3.development	education	Python coding	code-search
free.programming.programming	education	Programming Hub	code-search
placementapp.com	education	Placement app	code-search
com.revanced.net.revancedmanager	tools	ReVanced Manager	code-search
anddea.youtube.music	ott_entertainment	YouTube Music (patched)	code-search
app.netmirror.netmirrornew	ott_entertainment	NetMirror	code-search
eu.kanade.tachiyomi.j2k	ott_entertainment	TachiyomiJ2K	code-search
jp.or.nhk.nhkworld.tv	ott_entertainment	NHK World TV	code-search
com.video.fun.app	ott_entertainment	video app	code-search
com.gallery.player	ott_entertainment	Gallery player	code-search
instagram.video.downloader.story.saver.ig	tools	Instagram video downloader	code-search
all.documentreader.filereader.office.viewer	productivity	All Document Reader	code-search
advanced.scientific.calculator.calc991.plus	tools	Scientific calculator	code-search
badh.busyness.app	productivity	Busyness	code-search
com.desoline.android.pdfreader.lite	productivity	PDF reader lite	code-search
com.pdfeditor.pdfeditorandriod	productivity	PDF editor	code-search
imagetopdf.pdfconverter.jpgtopdf.pdfeditor	productivity	Image to PDF	code-search
pdf.pdfreader.viewer.editor.free	productivity	PDF Reader	code-search
com.dddev.gallery.album.photo.editor	tools	Gallery album	code-search
com.dbtkarnataka	other	DBT Karnataka	code-search
com.plato.android	games	Plato	code-search
ryey.easer.beta	emulator_root_tools	Easer	code-search	auto_clicker
com.microsoft.xboxone.smartglass	games	Xbox	code-search
# more games (Play Store ids)
com.king.farmheroessaga	games	Farm Heroes Saga	known
com.king.bubblewitch3	games	Bubble Witch 3 Saga	known
com.supercell.boombeach	games	Boom Beach	known
com.zynga.livepoker	betting_gambling	Zynga Poker	known
com.playtika.wsop.gp	betting_gambling	WSOP Poker	known
com.huuuge.casino.slots	betting_gambling	Huuuge Casino	known
com.playtika.caesarscasino	betting_gambling	Caesars Slots	known
com.ea.games.r3_row	games	Real Racing 3	known
com.madfingergames.deadtrigger2	games	Dead Trigger 2	known
com.netmarble.mherosgb	games	Marvel Future Fight	known
com.kabam.marvelbattle	games	Marvel Contest of Champions	known
air.com.hypah.io.slither	games	slither.io	known
io.voodoo.holeio	games	Hole.io	known
com.amanotes.beathopper	games	Tiles Hop	known
com.bandainamcoent.dblegends_ww	games	Dragon Ball Legends	known
com.nianticlabs.pokemongo	games	Pokémon GO	known
jp.pokemon.pokemonunite	games	Pokémon UNITE	known
com.riotgames.league.wildrift	games	League of Legends: Wild Rift	known
com.tencent.iglite	games	PUBG Mobile Lite	known
com.axlebolt.standoff2	games	Standoff 2	known
com.sega.sonicdash	games	Sonic Dash	known
com.fgol.HungrySharkEvolution	games	Hungry Shark Evolution	known
com.sgn.cookiejam.gp	games	Cookie Jam	known
com.candywriter.bitlife	games	BitLife	known
com.criticalforceentertainment.criticalops	games	Critical Ops	known
com.dvloper.granny	games	Granny	known
com.ea.gp.apexlegendsmobilefps	games	Apex Legends Mobile	known
com.wb.goog.mkx	games	Mortal Kombat	known
# more upi_wallet and banking confirmed by app ids in wide use
com.mipay.wallet.in	upi_wallet	Mi Pay	known
get.lokal.localnews	other	Lokal	code-search
com.clickastro.freehoroscope.astrology	other	Clickastro	code-search
com.taskbucks.taskbucks	other	TaskBucks	code-search
com.stanzaliving.app	other	Stanza Living	code-search
"""#
}
