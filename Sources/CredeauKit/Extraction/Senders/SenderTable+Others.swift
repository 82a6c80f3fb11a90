extension SenderTable {
    /// Card issuers, wallets, NBFCs, insurers, investment platforms, telecom, utilities, e-commerce
    /// and government senders.
    static let otherRows = #"""
# Card issuers and card-first fintechs.
SBICRD	sbi card	card	allowlist,inbox-filter,pennywise,grouptab
MYSBIC	sbi card	card	yarn
AMEXIN	american express	card	pennywise,allowlist,yarn
MYAMEX	american express	card	allowlist
ONECRD	onecard	card	pennywise,allowlist
BOBONE	onecard	card	allowlist
SBMONE	onecard	card	cashiro-issues
SLCEIT	slice	card	pennywise,pennywise-tests
SLCBNK	slice	card	pennywise,pennywise-tests,cashiro-issues
SLICE	slice	card	yarn
SLICEIT	slice	card	unverified:dev-corpus
JTEDGE	jupiter	card	pennywise,pennywise-tests
PLUXEE	pluxee	card	pennywise,pennywise-tests,cashiro-issues
# Wallets, UPI apps, payment gateways and buy-now-pay-later (all typed wallet).
IPAYTM	paytm	wallet	scg,allowlist,vendor
PYTMBK	paytm	wallet	allowlist
PHONPE	phonepe	wallet	scg,yarn,cashiro-issues
GPAYIN	google pay	wallet	yarn
AMZPAY	amazon pay	wallet	yarn
JUSPAY	amazon pay	wallet	pennywise
APAY	amazon pay	wallet	unverified:dev-corpus
PAYZAP	payzapp	wallet	cashiro-issues
MOBIKW	mobikwik	wallet	allowlist
MOBKWK	mobikwik	wallet	yarn
OLAMNY	ola money	wallet	yarn
JIOPAY	jiopay	wallet	pennywise,pennywise-tests,scg
CREDIN	cred	wallet	pennywise,allowlist,scg,yarn
CSHFRE	cashfree	wallet	pennywise,pennywise-tests
FAMPAY	fampay	wallet	cashiro-issues
TRIOTK	fampay	wallet	cashiro-issues
QWKCLR	qwikcilver	wallet	yarn
LZYPAY	lazypay	wallet	pennywise
LAZYPY	lazypay	wallet	yarn
SMPLPL	simpl	wallet	scg
# NBFCs and digital lenders.
BAJAJF	bajaj finance	nbfc	yarn,sms-client
BAJFIN	bajaj finance	nbfc	lifeledger
HDBFIN	hdb financial services	nbfc	yarn
TATACP	tata capital	nbfc	yarn,sms-client
LNTFIN	l&t finance	nbfc	allowlist
LICHFL	lic housing finance	nbfc	yarn
AXIOFS	axio	nbfc	cashiro-issues
# Insurers and insurance marketplaces.
LICIND	life insurance corporation of india	insurance	inbox-filter,yarn,lifeledger,fixtures
HDFCLI	hdfc life	insurance	inbox-filter,fixtures,yarn
ICICIP	icici prudential life insurance	insurance	scg
HDFCER	hdfc ergo	insurance	yarn
ICICIL	icici lombard	insurance	yarn
STARHL	star health insurance	insurance	yarn
UIICLT	united india insurance	insurance	cashiro-issues
POLBAZ	policybazaar	insurance	scg
POLICY	policybazaar	insurance	yarn
# Mutual funds, brokers, depositories and pension.
HDFCMF	hdfc mutual fund	investment	pennywise,pennywise-tests
NAVAMC	navi mutual fund	investment	pennywise,pennywise-tests,pennywise-issues
KOTAKM	kotak mutual fund	investment	cashiro-issues
IPRUMF	icici prudential mutual fund	investment	inbox-filter
AXISMF	axis mutual fund	investment	lifeledger
CAMSMF	cams	investment	yarn
KFINTK	kfintech	investment	yarn
CDSLTX	cdsl	investment	yarn,cashiro-issues
NSDLCA	nsdl	investment	yarn
ZERODH	zerodha	investment	yarn,lifeledger
GROWWI	groww	investment	yarn
UPSTOX	upstox	investment	yarn
PTNNPS	protean	investment	scg
CRANPS	nps cra	investment	fixtures
NPSTRU	nps trust	investment	yarn
# Telecom operators, broadband and DTH.
AIRTEL	bharti airtel	telecom	scg,inbox-filter,yarn
AIRSLF	bharti airtel	telecom	scg
AIROPT	bharti airtel	telecom	scg
IMPINF	bharti airtel	telecom	scg
RECHRG	bharti airtel	telecom	scg
AIRBIL	bharti airtel	telecom	inbox-filter,fixtures
AIRTLM	bharti airtel	telecom	grouptab
JIOINF	reliance jio	telecom	yarn,grouptab
JIOBIL	reliance jio	telecom	lifeledger
JIOSVC	reliance jio	telecom	cashiro-issues
JIOVOC	reliance jio	telecom	inbox-filter
VIINDI	vodafone idea	telecom	yarn
VICARE	vodafone idea	telecom	cashiro-issues
BSNLIN	bsnl	telecom	grouptab
DOCOMO	tata docomo	telecom	scg
TATASK	tata play	telecom	vendor,yarn
ACTFIB	act fibernet	telecom	lifeledger
ACTFBR	act fibernet	telecom	yarn
# Electricity and gas.
BESCOM	bescom	utility	lifeledger,yarn,fixtures
TGSPDC	tgspdcl	utility	inbox-filter
TATAPW	tata power	utility	yarn
BSESRJ	bses rajdhani	utility	yarn
MAHAGN	mahanagar gas	utility	yarn
HPCLGS	hp gas	utility	yarn
IOCLPG	indane	utility	yarn
# Shopping, food delivery, logistics, travel, rides and subscriptions (all typed ecommerce).
AMAZON	amazon	ecommerce	vendor,yarn,lifeledger
FLPKRT	flipkart	ecommerce	scg,yarn
MYNTRA	myntra	ecommerce	vendor,yarn
AJIOAP	ajio	ecommerce	yarn
AJIOAX	ajio	ecommerce	grouptab
MEESHO	meesho	ecommerce	yarn,grouptab
NYKAAF	nykaa	ecommerce	yarn
MAMERT	mamaearth	ecommerce	scg
LSKART	lenskart	ecommerce	scg
GOFYND	fynd	ecommerce	scg
PANTLS	pantaloons	ecommerce	vendor
FSTCRY	firstcry	ecommerce	inbox-filter
MAXFSN	max fashion	ecommerce	unverified:dev-corpus
MEDPLS	medplus	ecommerce	unverified:dev-corpus
JIOMRT	jiomart	ecommerce	yarn
BBASKT	bigbasket	ecommerce	yarn
ZEPTON	zepto	ecommerce	yarn
BLNKIT	blinkit	ecommerce	yarn
ZOMATO	zomato	ecommerce	vendor,yarn,news
SWIGGY	swiggy	ecommerce	vendor,yarn
DOMINO	domino's	ecommerce	yarn
KFCIND	kfc	ecommerce	grouptab,yarn
MCDIND	mcdonald's	ecommerce	grouptab
PIZZAH	pizza hut	ecommerce	grouptab
DLHVRY	delhivery	ecommerce	inbox-filter,yarn
XPBEES	xpressbees	ecommerce	inbox-filter
BLUDRT	blue dart	ecommerce	news,yarn
EKARTL	ekart	ecommerce	yarn
REDBUS	redbus	ecommerce	scg,vendor
IRCTCI	irctc	ecommerce	yarn
IRCTCS	irctc	ecommerce	grouptab
MAKEMT	makemytrip	ecommerce	grouptab
GOIBIB	goibibo	ecommerce	grouptab
INDIGO	indigo	ecommerce	yarn
OLACAB	ola	ecommerce	grouptab,yarn
UBERIN	uber	ecommerce	grouptab,yarn
RAPIDO	rapido	ecommerce	scg,yarn
BMSHOW	bookmyshow	ecommerce	yarn
URBNCO	urban company	ecommerce	yarn
JUSTDL	justdial	ecommerce	grouptab
NETFLX	netflix	ecommerce	vendor,yarn
# Government bodies and regulators.
EPFOHO	epfo	government	scg,yarn,fixtures
RBISAY	reserve bank of india	government	yarn
TRAIND	trai	government	inbox-filter
MYGOVT	mygov	government	inbox-filter
UIDAI	uidai	government	yarn
ITDEPT	income tax department	government	yarn
DIGILK	digilocker	government	yarn
TMESEV	telangana government	government	scg
"""#
}
