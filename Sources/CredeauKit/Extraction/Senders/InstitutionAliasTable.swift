/// The compiled-in alias table: `alias<TAB>institution<TAB>type<TAB>source` per line.
///
/// Aliases are names and sign-offs that appear in SMS bodies. They are matched case-insensitively
/// on word boundaries, with spaces standing for any whitespace and punctuation allowed with or
/// without spaces around it (see `InstitutionAliasMatcher`). Source `name` means the alias is the
/// institution's own name or brand; other codes are defined in docs/senders.md.
enum InstitutionAliasTable {
    static let defaultTSV = #"""
# alias	institution	type	source
# Public sector banks.
state bank of india	state bank of india	bank	name
sbi	state bank of india	bank	name
-sbi	state bank of india	bank	unverified:dev-corpus
dear sbi user	state bank of india	bank	yarn
punjab national bank	punjab national bank	bank	name
pnb	punjab national bank	bank	name
-pnb	punjab national bank	bank	cashiro-issues
pnb credit card	punjab national bank	card	cashiro-issues
bank of baroda	bank of baroda	bank	name
bankofbaroda	bank of baroda	bank	name
bob credit card	bank of baroda	card	cashiro-issues
bobcard	bank of baroda	card	name
bank of india	bank of india	bank	name
boi -	bank of india	bank	unverified:dev-corpus
canara bank	canara bank	bank	name
canarabank	canara bank	bank	unverified:dev-corpus
union bank of india	union bank of india	bank	name
union bank	union bank of india	bank	name
central bank of india	central bank of india	bank	name
-cboi	central bank of india	bank	pennywise-issues
indian bank	indian bank	bank	name
indian overseas bank	indian overseas bank	bank	name
iob	indian overseas bank	bank	name
uco bank	uco bank	bank	name
punjab & sind bank	punjab & sind bank	bank	name
punjab and sind bank	punjab & sind bank	bank	name
bank of maharashtra	bank of maharashtra	bank	name
mahabank	bank of maharashtra	bank	name
# Private sector banks.
hdfc bank	hdfc bank	bank	name
hdfcbank	hdfc bank	bank	name
hdfc	hdfc bank	bank	name
icici bank	icici bank	bank	name
icici	icici bank	bank	name
axis bank	axis bank	bank	name
axis bank credit card	axis bank	card	name
kotak mahindra bank	kotak mahindra bank	bank	name
kotak bank	kotak mahindra bank	bank	name
kotak	kotak mahindra bank	bank	name
kotak811	kotak mahindra bank	bank	cashiro-issues
idfc first bank	idfc first bank	bank	name
team idfc first bank	idfc first bank	bank	unverified:dev-corpus
idfc first	idfc first bank	bank	name
idfc bank	idfc first bank	bank	name
idfc	idfc first bank	bank	name
indusind bank	indusind bank	bank	name
indusind	indusind bank	bank	name
yes bank	yes bank	bank	name
yes bank card	yes bank	card	name
federal bank	federal bank	bank	name
fi money	fi money	bank	name
idbi bank	idbi bank	bank	name
rbl bank	rbl bank	bank	name
rbl bank credit card	rbl bank	card	name
city union bank	city union bank	bank	name
dhanlaxmi bank	dhanlaxmi bank	bank	name
karnataka bank	karnataka bank	bank	name
karur vysya bank	karur vysya bank	bank	name
tamilnad mercantile bank	tamilnad mercantile bank	bank	name
j&k bank	j&k bank	bank	name
jammu & kashmir bank	j&k bank	bank	name
jammu and kashmir bank	j&k bank	bank	name
nainital bank	nainital bank	bank	name
south indian bank	south indian bank	bank	name
csb bank	csb bank	bank	name
dcb bank	dcb bank	bank	name
bandhan bank	bandhan bank	bank	name
dbs bank	dbs bank	bank	name
hsbc	hsbc	bank	name
standard chartered	standard chartered bank	bank	name
stanchart	standard chartered bank	bank	unverified:dev-corpus
citibank	citibank	bank	name
deutsche bank	deutsche bank	bank	name
# Small finance and payments banks.
au small finance bank	au small finance bank	bank	name
au bank	au small finance bank	bank	pennywise-issues
equitas small finance bank	equitas small finance bank	bank	name
equitas	equitas small finance bank	bank	name
jana small finance bank	jana small finance bank	bank	name
ujjivan	ujjivan small finance bank	bank	name
suryoday	suryoday small finance bank	bank	name
utkarsh small finance bank	utkarsh small finance bank	bank	name
esaf small finance bank	esaf small finance bank	bank	name
unity sfb	unity small finance bank	bank	cashiro-issues
unity small finance bank	unity small finance bank	bank	name
airtel payments bank	airtel payments bank	bank	name
india post payments bank	india post payments bank	bank	name
ippb	india post payments bank	bank	name
nsdl payments bank	nsdl payments bank	bank	name
nsdlpb	nsdl payments bank	bank	unverified:dev-corpus
jio payments bank	jio payments bank	bank	name
paytm payments bank	paytm payments bank	bank	name
fino payments bank	fino payments bank	bank	name
# Regional rural and co-operative banks.
kerala bank	kerala bank	bank	pennywise-issues
kerala gramin bank	kerala gramin bank	bank	pennywise-issues
karnataka gramin bank	karnataka gramin bank	bank	name
telangana grameena bank	telangana grameena bank	bank	name
west bengal gramin bank	west bengal gramin bank	bank	name
-wbgb	west bengal gramin bank	bank	cashiro-issues
andhra pragathi grameena bank	andhra pragathi grameena bank	bank	name
saraswat bank	saraswat co-operative bank	bank	unverified:dev-corpus
saraswat co-operative bank	saraswat co-operative bank	bank	name
greater bank	greater bank	bank	name
cosmos bank	cosmos co-operative bank	bank	name
tjsb sahakari bank	tjsb sahakari bank	bank	name
janata sahakari bank	janata sahakari bank	bank	name
surat people's co-operative bank	surat people's co-operative bank	bank	name
sudico	surat district co-operative bank	bank	cashiro-issues
# Card issuers and card-first fintechs.
sbi card	sbi card	card	name
sbi credit card	sbi card	card	name
sbicard	sbi card	card	name
american express	american express	card	name
amex	american express	card	name
onecard	onecard	card	name
sbm one credit card	onecard	card	cashiro-issues
slice credit card	slice	card	unverified:dev-corpus
slice card	slice	card	yarn
slice a/c	slice	card	unverified:dev-corpus
slice app	slice	card	unverified:dev-corpus
-slice	slice	card	cashiro-issues
jupiter money	jupiter	card	name
pluxee	pluxee	card	name
# Wallets, UPI apps, gateways and buy-now-pay-later.
paytm	paytm	wallet	name
phonepe	phonepe	wallet	name
google pay	google pay	wallet	name
gpay	google pay	wallet	name
amazon pay	amazon pay	wallet	name
apay balance	amazon pay	wallet	unverified:dev-corpus
juspay	amazon pay	wallet	pennywise
payzapp	payzapp	wallet	name
mobikwik	mobikwik	wallet	name
ola money	ola money	wallet	name
jiopay	jiopay	wallet	name
cred	cred	wallet	name
cashfree	cashfree	wallet	name
fampay	fampay	wallet	name
famapp	fampay	wallet	cashiro-issues
lazypay	lazypay	wallet	name
simpl	simpl	wallet	name
qwikcilver	qwikcilver	wallet	name
# NBFCs and digital lenders. Rows whose institution has no header row above are alias-only.
bajaj finance	bajaj finance	nbfc	name
bajaj finserv	bajaj finance	nbfc	name
hdb financial services	hdb financial services	nbfc	name
hdb financial	hdb financial services	nbfc	name
tata capital	tata capital	nbfc	name
l&t finance	l&t finance	nbfc	name
lic housing finance	lic housing finance	nbfc	name
axio	axio	nbfc	cashiro-issues
aditya birla finance	aditya birla finance	nbfc	name
aditya birla capital	aditya birla finance	nbfc	name
muthoot finance	muthoot finance	nbfc	name
muthoot fincorp	muthoot fincorp	nbfc	name
manappuram finance	manappuram finance	nbfc	name
manappuram	manappuram finance	nbfc	name
hero fincorp	hero fincorp	nbfc	name
home credit	home credit	nbfc	name
iifl finance	iifl finance	nbfc	name
poonawalla fincorp	poonawalla fincorp	nbfc	name
cholamandalam	cholamandalam finance	nbfc	name
shriram finance	shriram finance	nbfc	name
mahindra finance	mahindra finance	nbfc	name
tvs credit	tvs credit	nbfc	name
kreditbee	kreditbee	nbfc	name
krazybee	kreditbee	nbfc	name
moneyview	moneyview	nbfc	name
money view	moneyview	nbfc	name
navi finserv	navi	nbfc	name
navi app	navi	nbfc	name
fibe	fibe	nbfc	name
earlysalary	fibe	nbfc	name
paysense	paysense	nbfc	name
cashe	cashe	nbfc	name
mpokket	mpokket	nbfc	name
kissht	kissht	nbfc	name
dhani loans	dhani	nbfc	name
dhani app	dhani	nbfc	name
stashfin	stashfin	nbfc	name
moneytap	moneytap	nbfc	name
lendingkart	lendingkart	nbfc	name
# Insurers.
life insurance corporation of india	life insurance corporation of india	insurance	name
lic of india	life insurance corporation of india	insurance	fixtures
lic policy	life insurance corporation of india	insurance	name
lic premium	life insurance corporation of india	insurance	name
hdfc life	hdfc life	insurance	name
icici prudential life	icici prudential life insurance	insurance	name
icici pru life	icici prudential life insurance	insurance	name
hdfc ergo	hdfc ergo	insurance	name
icici lombard	icici lombard	insurance	name
star health	star health insurance	insurance	name
united india insurance	united india insurance	insurance	cashiro-issues
policybazaar	policybazaar	insurance	name
# Investment platforms, funds and depositories.
hdfc mutual fund	hdfc mutual fund	investment	name
hdfc mf	hdfc mutual fund	investment	name
navi mutual fund	navi mutual fund	investment	pennywise-issues
kotak mf	kotak mutual fund	investment	cashiro-issues
kotak mutual fund	kotak mutual fund	investment	name
icici prudential mutual fund	icici prudential mutual fund	investment	name
axis mutual fund	axis mutual fund	investment	name
kfintech	kfintech	investment	name
cdsl	cdsl	investment	name
nsdl	nsdl	investment	name
zerodha	zerodha	investment	name
groww	groww	investment	name
upstox	upstox	investment	name
-protean	protean	investment	scg
nps trust	nps trust	investment	name
# Telecom.
airtel	bharti airtel	telecom	name
bharti airtel	bharti airtel	telecom	name
jio	reliance jio	telecom	name
reliance jio	reliance jio	telecom	name
vodafone idea	vodafone idea	telecom	name
bsnl	bsnl	telecom	name
tata docomo	tata docomo	telecom	name
tata play	tata play	telecom	name
tata sky	tata play	telecom	name
act fibernet	act fibernet	telecom	name
# Utilities.
bescom	bescom	utility	name
tgspdcl	tgspdcl	utility	name
tata power	tata power	utility	name
bses rajdhani	bses rajdhani	utility	name
mahanagar gas	mahanagar gas	utility	name
indane	indane	utility	name
# Shopping, food, logistics, travel and subscriptions.
amazon	amazon	ecommerce	name
flipkart	flipkart	ecommerce	name
myntra	myntra	ecommerce	name
ajio	ajio	ecommerce	name
meesho	meesho	ecommerce	name
nykaa	nykaa	ecommerce	name
mamaearth	mamaearth	ecommerce	name
lenskart	lenskart	ecommerce	name
firstcry	firstcry	ecommerce	name
max fashion	max fashion	ecommerce	name
medplus	medplus	ecommerce	name
jiomart	jiomart	ecommerce	name
bigbasket	bigbasket	ecommerce	name
zepto	zepto	ecommerce	name
blinkit	blinkit	ecommerce	name
zomato	zomato	ecommerce	name
swiggy	swiggy	ecommerce	name
domino's	domino's	ecommerce	name
dominos	domino's	ecommerce	name
mcdonald's	mcdonald's	ecommerce	name
pizza hut	pizza hut	ecommerce	name
delhivery	delhivery	ecommerce	name
xpressbees	xpressbees	ecommerce	name
blue dart	blue dart	ecommerce	name
bluedart	blue dart	ecommerce	name
redbus	redbus	ecommerce	name
irctc	irctc	ecommerce	name
makemytrip	makemytrip	ecommerce	name
goibibo	goibibo	ecommerce	name
uber	uber	ecommerce	name
rapido	rapido	ecommerce	name
bookmyshow	bookmyshow	ecommerce	name
urban company	urban company	ecommerce	name
justdial	justdial	ecommerce	name
netflix	netflix	ecommerce	name
# Government bodies and regulators.
epfo	epfo	government	name
reserve bank of india	reserve bank of india	government	name
rbi kehta hai	reserve bank of india	government	yarn
trai	trai	government	name
uidai	uidai	government	name
income tax department	income tax department	government	name
digilocker	digilocker	government	name
"""#
}
