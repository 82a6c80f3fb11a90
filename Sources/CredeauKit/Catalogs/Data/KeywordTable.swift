enum KeywordTable {
    /// Keywords by family: `family<TAB>keyword`. The authors compiled the lists from common
    /// lender and bank names, Indian debt-collection and legal vocabulary, kinship terms in
    /// English, Hindi transliteration and Devanagari, and workplace titles.
    static let defaultTSV = #"""
# family	keyword
lender	instant loan
lender	personal loan
lender	loan app
lender	loan agent
lender	money lender
lender	money view
lender	bajaj finance
lender	bajaj finserv
lender	home credit
lender	rupee redee
lender	tata capital
lender	hero fincorp
lender	aditya birla finance
lender	l&t finance
lender	credit saison
lender	loan
lender	loans
lender	lender
lender	lending
lender	finance
lender	financer
lender	financier
lender	fincorp
lender	finserv
lender	finvest
lender	capital
lender	credit
lender	nbfc
lender	emi
lender	moneylender
lender	sahukar
lender	sahookar
lender	byaj
lender	vyaj
lender	interest
lender	kreditbee
lender	moneyview
lender	fibe
lender	earlysalary
lender	paysense
lender	cashe
lender	mpokket
lender	kissht
lender	dhani
lender	homecredit
lender	truebalance
lender	branch
lender	lazypay
lender	simpl
lender	slice
lender	stashfin
lender	moneytap
lender	freo
lender	snapmint
lender	zestmoney
lender	smartcoin
lender	olyv
lender	kredit
lender	rupeeredee
lender	indialends
lender	lendingkart
lender	muthoot
lender	manappuram
lender	iifl
lender	piramal
lender	fullerton
lender	poonawalla
lender	l&t
lender	shriram
lender	chola
lender	cholamandalam
lender	ujjivan
lender	bandhan
lender	microfinance
lender	mfi
lender	creditsaison
bank	bank manager
bank	branch manager
bank	relationship manager
bank	state bank
bank	bank of baroda
bank	union bank
bank	indian bank
bank	yes bank
bank	au bank
bank	standard chartered
bank	paytm bank
bank	airtel bank
bank	customer care
bank	credit card
bank	bank
bank	banking
bank	rm
bank	sbi
bank	hdfc
bank	icici
bank	axis
bank	kotak
bank	pnb
bank	canara
bank	boi
bank	iob
bank	uco
bank	idbi
bank	idfc
bank	indusind
bank	federal
bank	rbl
bank	dbs
bank	citi
bank	hsbc
bank	ippb
bank	post office
bank	atm
bank	credit
recovery_legal	field agent
recovery_legal	recovery agent
recovery_legal	collection agent
recovery_legal	legal notice
recovery_legal	lok adalat
recovery_legal	cheque bounce
recovery_legal	section 138
recovery_legal	cyber cell
recovery_legal	recovery
recovery_legal	collection
recovery_legal	collections
recovery_legal	collector
recovery_legal	dca
recovery_legal	legal
recovery_legal	lawyer
recovery_legal	advocate
recovery_legal	vakil
recovery_legal	court
recovery_legal	notice
recovery_legal	police
recovery_legal	thana
recovery_legal	fir
recovery_legal	case
recovery_legal	summons
recovery_legal	warrant
recovery_legal	arbitration
recovery_legal	overdue
recovery_legal	default
recovery_legal	defaulter
recovery_legal	dues
recovery_legal	due
recovery_legal	outstanding
recovery_legal	settlement
recovery_legal	npa
recovery_legal	dpd
recovery_legal	138
recovery_legal	cell
family	papa
family	pappa
family	dad
family	daddy
family	father
family	pitaji
family	pita
family	abba
family	abbu
family	baba
family	mummy
family	mumma
family	mummi
family	mom
family	mommy
family	mother
family	maa
family	ma
family	mata
family	amma
family	ammi
family	mai
family	bhai
family	bhaiya
family	bhaiyya
family	bhaisahab
family	bhaijaan
family	brother
family	bro
family	didi
family	di
family	dii
family	sister
family	sis
family	behen
family	bahen
family	behna
family	bahan
family	chacha
family	chachu
family	chachi
family	kaka
family	kaki
family	mama
family	mamu
family	mami
family	nana
family	nani
family	dada
family	dadi
family	bua
family	buaa
family	fufa
family	phupha
family	mausi
family	masi
family	mausa
family	masa
family	tau
family	tai
family	taiji
family	jiju
family	jija
family	jijaji
family	bhabhi
family	bhabi
family	bhauji
family	devar
family	nanad
family	sala
family	saali
family	sali
family	wife
family	husband
family	hubby
family	pati
family	patni
family	biwi
family	begum
family	jaan
family	beta
family	beti
family	son
family	daughter
family	bete
family	baccha
family	uncle
family	aunty
family	aunt
family	auntie
family	cousin
family	sasur
family	sasu
family	saas
family	sasurji
family	nephew
family	niece
family	bhatija
family	bhatiji
family	bhanja
family	bhanji
family	home
family	ghar
family	family
family	parivar
family	पापा
family	पिताजी
family	मम्मी
family	माँ
family	मां
family	माता
family	भाई
family	भैया
family	दीदी
family	बहन
family	चाचा
family	चाची
family	मामा
family	मामी
family	नाना
family	नानी
family	दादा
family	दादी
family	बुआ
family	मौसी
family	जीजा
family	भाभी
family	बेटा
family	बेटी
family	पति
family	पत्नी
family	घर
work	human resources
work	team lead
work	team leader
work	private limited
work	security guard
work	in charge
work	office
work	boss
work	sir
work	madam
work	mam
work	maam
work	manager
work	hr
work	colleague
work	teamlead
work	supervisor
work	senior
work	junior
work	company
work	pvt
work	ltd
work	llp
work	client
work	customer
work	work
work	duty
work	staff
work	employer
work	employee
work	admin
work	accounts
work	accountant
work	payroll
work	salary
work	reception
work	receptionist
work	peon
work	driver
work	shift
work	incharge
work	foreman
work	contractor
work	thekedar
work	sahab
work	saheb
"""#
}
