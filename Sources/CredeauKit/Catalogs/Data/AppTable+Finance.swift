extension AppTable {
    /// Lending, banking, UPI and wallet, investment, insurance and crypto apps.
    static let financeTSV = #"""
# lending: digital lenders, NBFCs, loan marketplaces, credit lines, BNPL
com.kreditbee.android	lending	KreditBee	known
com.whizdm.moneyview.loans	lending	Money View	known
com.naviapp	lending	Navi	known
com.earlysalary.android	lending	Fibe (EarlySalary)	known
com.gopaysense.android.boost	lending	PaySense	code-search
co.tslc.cashe.android	lending	CASHe	known
com.mpokket.app	lending	mPokket	known
com.fastbanking	lending	Kissht	code-search
com.indiaBulls	lending	Dhani	code-search
org.altruist.BajajExperia	lending	Bajaj Finserv	code-search
com.balancehero.truebalance	lending	TrueBalance	known
com.branch_international.branch.branch_demo_android	lending	Branch	known
com.citrus.citruspay	lending	LazyPay	code-search
indwin.c3.shareapp	lending	slice	code-search
com.stashfin.android	lending	Stashfin	known
com.mycash.moneytap.app	lending	MoneyTap	code-search
com.moneytap.bnpl.app	lending	Freo	code-search
com.snapmint.customerapp	lending	Snapmint	code-search
com.flexsalary	lending	FlexSalary	code-search
io.attabot.app.paymeindia	lending	PayMeIndia	code-search
com.goupwards	lending	Upwards	code-search
in.credy.borrowerapp.full	lending	Credy	code-search
com.rupeelend.rupeelend	lending	RupeeLend	code-search
com.atl.anytimeloan	lending	AnyTimeLoan	code-search
com.indialends.android	lending	IndiaLends	code-search
tech.fplabs.score	lending	OneScore (credit score)	code-search
com.lendingplate	lending	LendingPlate	code-search
com.fintech.lenditt	lending	Lenditt	code-search
com.smfgindia.mconnect	lending	SMFG India Credit	code-search
com.rupeeredee.app	lending	RupeeRedee	code-search
rapidrupee.app	lending	RapidRupee	code-search
com.pocketly	lending	Pocketly	code-search
com.innofinsolutions.instamoney	lending	InstaMoney	code-search
com.privo.creditsaison	lending	Credit Saison India	code-search
com.piramal.app.pchf	lending	Piramal Finance	code-search
com.muthootfinance.imuthoot	lending	iMuthoot	code-search
com.tvscs.tvscreditapp	lending	TVS Credit Saathi	code-search
com.ideopay.user	lending	Ring	code-search
in.rebase.app	lending	Olyv (SmartCoin)	code-search
com.fatakpay	lending	FatakPay	code-search
com.herofincorp.simplycash	lending	Hero FinCorp SimplyCash	code-search
com.creditt	lending	Creditt	code-search
# banking
com.sbi.lotusintouch	banking	YONO SBI	known
com.sbi.SBIFreedomPlus	banking	YONO Lite SBI	code-search
com.snapwork.hdfc	banking	HDFC Bank MobileBanking (old)	code-search
com.hdfcbank.android.now	banking	HDFC Bank	code-search
com.csam.icici.bank.imobile	banking	ICICI iMobile Pay	known
com.icicibank.pockets	banking	Pockets by ICICI Bank	code-search
com.axis.mobile	banking	Axis Mobile	known
com.msf.kbank.mobile	banking	Kotak Mobile Banking (old)	code-search
com.kotak.bank.mobile	banking	Kotak Bank	code-search
com.kotak811mobilebankingapp.instantsavingsupiscanandpayrecharge	banking	Kotak 811	code-search
com.bankofbaroda.mconnect	banking	bob World	code-search
com.bankofbaroda.mpassbook	banking	bob mPassbook	code-search
com.canarabank.mobility	banking	Canara ai1	code-search
com.fedmobile	banking	FedMobile	code-search
com.infrasoft.uboi	banking	Union Bank of India Vyom	code-search
com.infrasofttech.indianbank	banking	Indian Bank IndOASIS	code-search
com.dbs.in.digitalbank	banking	digibank by DBS India	known
money.jupiter	banking	Jupiter	code-search
com.epifi.paisa	banking	Fi Money	code-search
in.irisbyyes.app	banking	iris by YES BANK	code-search
com.ge.capital.konysbiapp	banking	SBI Card	code-search
# upi_wallet
com.phonepe.app	upi_wallet	PhonePe	known
net.one97.paytm	upi_wallet	Paytm	known
com.google.android.apps.nbu.paisa.user	upi_wallet	Google Pay	known
in.org.npci.upiapp	upi_wallet	BHIM	known
com.mobikwik_new	upi_wallet	MobiKwik	known
com.freecharge.android	upi_wallet	Freecharge	known
in.amazon.mShop.android.shopping	upi_wallet	Amazon India (Amazon Pay)	known
com.amazon.mShop.android.shopping	upi_wallet	Amazon Shopping (Amazon Pay)	known
com.dreamplug.androidapp	upi_wallet	CRED	known
com.sbi.upi	upi_wallet	BHIM SBI Pay	code-search
com.enstage.wibmo.hdfc	upi_wallet	PayZapp	code-search
com.fampay.in	upi_wallet	FamPay	code-search
money.super.payments	upi_wallet	super.money	code-search
com.samsung.android.spaymini	upi_wallet	Samsung Wallet (Pay mini)	code-search
com.paypal.android.p2pmobile	upi_wallet	PayPal	known
com.popclub.android	upi_wallet	POP	code-search
com.euronet.iobupi	upi_wallet	BHIM IOB UPI	code-search
com.cheq.retail	upi_wallet	CheQ	code-search
com.yesbank.yespaynext	upi_wallet	YES PAY Next	code-search
# investment
com.nextbillion.groww	investment	Groww	known
com.zerodha.kite3	investment	Kite by Zerodha	known
com.zerodha.coin	investment	Coin by Zerodha	known
com.upstox.pro	investment	Upstox	known
com.msf.angelmobile	investment	Angel One	known
com.smallcase.android	investment	smallcase	code-search
com.fivepaisa.trade	investment	5paisa	known
com.dhan.live	investment	Dhan	known
com.tradingview.tradingviewapp	investment	TradingView	known
com.jar.app	investment	Jar (digital gold)	known
com.fusionmedia.investing	investment	Investing.com	known
com.divum.MoneyControl	investment	Moneycontrol	known
org.fxclub.libertex	investment	Libertex	code-search
net.metaquotes.metatrader4	investment	MetaTrader 4	known
net.metaquotes.metatrader5	investment	MetaTrader 5	known
com.iqoption	investment	IQ Option	known
# insurance
com.acko.android	insurance	ACKO	code-search
icici.lombard.ghi	insurance	ICICI Lombard IL TakeCare	code-search
# crypto
com.binance.dev	crypto	Binance	known
com.wrx.wazirx	crypto	WazirX	known
com.coinswitch.kuber	crypto	CoinSwitch	known
com.coindcx.btc	crypto	CoinDCX	known
com.bitbnspay	crypto	Bitbns	code-search
com.coinbase.android	crypto	Coinbase	known
com.kubi.kucoin	crypto	KuCoin	known
com.okinc.okex.gp	crypto	OKX	code-search
com.bybit.app	crypto	Bybit	known
io.metamask	crypto	MetaMask	known
com.wallet.crypto.trustapp	crypto	Trust Wallet	known
piuk.blockchain.android	crypto	Blockchain.com Wallet	known
com.bankofhodlers.mobile	crypto	Vauld (Bank of Hodlers)	code-search
# lending: more ids seen in Play Store links and app-id lists in public code
com.avail.easyloans.android	lending	Avail Finance	code-search
in.loanfront.android	lending	LoanFront	code-search
com.nirafinance.customer	lending	NIRA	code-search
com.phocket	lending	Phocket	code-search
com.nucleus.finnone.mobile.mserve.hdb.eng	lending	HDB Financial Services	code-search
com.chqbook.customers	lending	CHQBOOK	code-search
com.riviera.indifi.app	lending	Indifi	code-search
com.LendingKart	lending	Lendingkart	code-search
com.ziploan.borrower	lending	ZipLoan	code-search
com.kreon.stucred	lending	StuCred	code-search
com.loan.cash.credit.easy.dhan.quick.udhaar.lend.game.jaldi.paisa.borrow.rupee.play.kredit	lending	CashBean	code-search
com.simpl.android	lending	Simpl	code-search
com.autonom8.kinara	lending	myKinara (Kinara Capital)	code-search
com.Version1	banking	PNB ONE	code-search
com.capitalfirst	banking	IDFC FIRST Bank (Capital First id)	code-search
com.niyo.equitassavingsaccount	banking	Niyo Equitas	code-search
com.niyo.sbm	banking	Niyo SBM	code-search
com.policybazaar	insurance	Policybazaar	code-search
com.tejimandi.android	investment	Teji Mandi	code-search
com.ant2o.aliceblue	investment	Alice Blue ANT Mobi	code-search
com.innofinsolutions.lendenclub.lender	investment	LenDenClub	code-search
com.kotakcherry.app	investment	Kotak Cherry	code-search
com.ticno.olymptrade	investment	Olymp Trade	code-search
com.expertoption	investment	ExpertOption	code-search
com.octafx	investment	OctaFX	code-search
com.exness.android.pa	investment	Exness	code-search
com.etoro.openbook	investment	eToro	code-search
com.Plus500	investment	Plus500	code-search
com.avatrade.mobile	investment	AvaTrade	code-search
zebpay.Application	crypto	ZebPay	code-search
com.giottus.giottus_mobile	crypto	Giottus	code-search
com.unocoin.unocoinwallet	crypto	Unocoin	code-search
com.stormgain.mobile	crypto	StormGain	code-search
in.indwealth	investment	INDmoney	code-search
"""#
}
