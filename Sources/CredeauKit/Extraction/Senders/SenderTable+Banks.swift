extension SenderTable {
    /// Banks: public and private sector, foreign, small finance, payments, regional rural and co-operative.
    static let bankRows = #"""
# header	institution	type	source
# Public sector banks. State Bank of India registers many headers; SBI Card is a separate company (see cards).
SBIINB	state bank of india	bank	pennywise,scg,yarn
SBIUPI	state bank of india	bank	pennywise,scg,credeau-docs,allowlist,lifeledger
SBIPSG	state bank of india	bank	scg,inbox-filter,grouptab
ATMSBI	state bank of india	bank	pennywise,scg,grouptab,pennywise-issues
CBSSBI	state bank of india	bank	scg,inbox-filter,grouptab
SBIBNK	state bank of india	bank	pennywise,vendor,inbox-filter,grouptab
SCISMS	state bank of india	bank	scg
SBISMS	state bank of india	bank	grouptab
SBIMSG	state bank of india	bank	grouptab
SBIACC	state bank of india	bank	grouptab
ONLSBI	state bank of india	bank	grouptab
STBANK	state bank of india	bank	grouptab
SBYONO	state bank of india	bank	page:businessleague.in
SBIBK	state bank of india	bank	unverified:dev-corpus
PNBSMS	punjab national bank	bank	pennywise,pennywise-tests,credeau-docs,allowlist,grouptab
PNBBNK	punjab national bank	bank	pennywise
PNBRTS	punjab national bank	bank	allowlist
PNBCCD	punjab national bank	card	allowlist,cashiro-issues
BOBTXN	bank of baroda	bank	pennywise,pennywise-tests,yarn
BOBSMS	bank of baroda	bank	pennywise,pennywise-tests
BOBCRD	bank of baroda	card	pennywise,pennywise-tests
BOB	bank of baroda	bank	unverified:dev-corpus
BOIIND	bank of india	bank	pennywise,pennywise-tests,scg,grouptab
BOIBNK	bank of india	bank	pennywise
CANBNK	canara bank	bank	pennywise,pennywise-tests,vendor,grouptab
UNIONB	union bank of india	bank	pennywise,scg,grouptab
CENTBK	central bank of india	bank	pennywise,pennywise-tests,grouptab,pennywise-issues
INDBNK	indian bank	bank	pennywise,pennywise-tests,grouptab
IOBCHN	indian overseas bank	bank	pennywise,grouptab
UCOBNK	uco bank	bank	pennywise,grouptab
UCOBMB	uco bank	bank	grouptab
PSBANK	punjab & sind bank	bank	pennywise,pennywise-tests
PSBBNK	punjab & sind bank	bank	grouptab
MSHBNK	bank of maharashtra	bank	grouptab
MSHBMB	bank of maharashtra	bank	grouptab
DOPBNK	india post	bank	pennywise,pennywise-tests
# Headers of banks amalgamated in 2019-2020, mapped to the bank that took over their accounts:
# Oriental Bank of Commerce -> PNB, Vijaya and Dena -> Bank of Baroda, Syndicate -> Canara,
# Andhra and Corporation -> Union Bank of India, Allahabad -> Indian Bank.
OBCBNK	punjab national bank	bank	grouptab
OBCBMB	punjab national bank	bank	grouptab
VIJBNK	bank of baroda	bank	grouptab
VJYBMB	bank of baroda	bank	grouptab
DENABN	bank of baroda	bank	grouptab
SYNDBK	canara bank	bank	grouptab
SYNBMB	canara bank	bank	grouptab
ANDBNK	union bank of india	bank	grouptab
ANDBMB	union bank of india	bank	grouptab
CORPBK	union bank of india	bank	grouptab
CORPBN	union bank of india	bank	grouptab
ALBBNK	indian bank	bank	grouptab
ALBMBN	indian bank	bank	grouptab
# Private sector banks.
HDFCBK	hdfc bank	bank	pennywise,pennywise-tests,scg,allowlist,vendor,inbox-filter,grouptab
HDFCBN	hdfc bank	bank	scg,allowlist,grouptab
ICICIB	icici bank	bank	pennywise,scg,allowlist,vendor,grouptab
ICICIT	icici bank	bank	pennywise-tests,scg,allowlist,inbox-filter,news,grouptab,pennywise-issues
ICICIS	icici bank	bank	grouptab
ICICIM	icici bank	bank	grouptab
ICIBNK	icici bank	bank	unverified:dev-corpus
AXISBK	axis bank	bank	pennywise,pennywise-tests,allowlist,grouptab
AXISHR	axis bank	bank	grouptab
AXISIN	axis bank	bank	grouptab
AXISMR	axis bank	bank	grouptab
AXISPR	axis bank	bank	grouptab
AXISSR	axis bank	bank	grouptab
AXISCC	axis bank	card	lifeledger
KOTAKB	kotak mahindra bank	bank	pennywise,pennywise-tests,yarn,lifeledger,grouptab
KOTAKD	kotak mahindra bank	bank	pennywise,pennywise-tests,cashiro-issues
KOTMSG	kotak mahindra bank	bank	grouptab
KOTBNK	kotak mahindra bank	bank	grouptab
IDFCBK	idfc first bank	bank	pennywise,pennywise-tests
IDFCFB	idfc first bank	bank	pennywise,pennywise-tests,allowlist,grouptab
INDUSB	indusind bank	bank	pennywise,pennywise-tests,allowlist,pennywise-issues
INDUSIND	indusind bank	bank	unverified:dev-corpus
YESBNK	yes bank	bank	pennywise,pennywise-tests,allowlist
YESUNI	yes bank	card	allowlist
FEDBNK	federal bank	bank	pennywise,pennywise-tests,grouptab
FEDSCP	federal bank	bank	pennywise,pennywise-tests
FEDFIB	federal bank	bank	pennywise,cashiro-issues
FEDSMS	federal bank	bank	grouptab
FIMONY	fi money	bank	cashiro-issues
IDBIBK	idbi bank	bank	pennywise,grouptab
RBLBNK	rbl bank	bank	allowlist,yarn,grouptab
RBLCRD	rbl bank	card	allowlist
CUBANK	city union bank	bank	pennywise
CUBLTD	city union bank	bank	pennywise
CITYUB	city union bank	bank	grouptab
CITYUN	city union bank	bank	grouptab
DHANBK	dhanlaxmi bank	bank	pennywise,pennywise-tests,grouptab
DHANBN	dhanlaxmi bank	bank	grouptab
KBLBNK	karnataka bank	bank	pennywise
KVBANK	karur vysya bank	bank	grouptab
KVBNET	karur vysya bank	bank	grouptab
KVBLNK	karur vysya bank	bank	grouptab
KVBLMB	karur vysya bank	bank	grouptab
TMBNET	tamilnad mercantile bank	bank	grouptab
TMBBNK	tamilnad mercantile bank	bank	grouptab
JKBANK	j&k bank	bank	pennywise,grouptab
JKBSMS	j&k bank	bank	grouptab
NAINBN	nainital bank	bank	grouptab
NAINIB	nainital bank	bank	grouptab
SIBSMS	south indian bank	bank	pennywise,pennywise-tests
SOUTHB	south indian bank	bank	grouptab
SOUTHI	south indian bank	bank	grouptab
CSBBNK	csb bank	bank	grouptab
CSBNET	csb bank	bank	grouptab
DCBANK	dcb bank	bank	grouptab,cashiro-issues
DCBSMS	dcb bank	bank	grouptab
BDNSMS	bandhan bank	bank	pennywise,pennywise-tests
BANDHN	bandhan bank	bank	pennywise,pennywise-tests
BNDNBK	bandhan bank	bank	grouptab
BNDNHL	bandhan bank	bank	grouptab
# Lakshmi Vilas Bank was amalgamated into DBS Bank India in November 2020.
DBSBNK	dbs bank	bank	pennywise,grouptab
LAKSVI	dbs bank	bank	grouptab
LVBANK	dbs bank	bank	grouptab
# Foreign banks with retail business in India.
HSBCIN	hsbc	bank	pennywise,pennywise-tests,grouptab,pennywise-issues
SCBANK	standard chartered bank	bank	pennywise,pennywise-tests,grouptab
CITIBK	citibank	bank	grouptab
DEUTBN	deutsche bank	bank	grouptab
# Small finance banks. Fincare was merged into AU Small Finance Bank in 2024, and PMC Bank's
# deposits were taken over by Unity Small Finance Bank in 2022.
AUBANK	au small finance bank	bank	pennywise,pennywise-tests,grouptab,pennywise-issues
AUBMSG	au small finance bank	bank	grouptab
AUBSMS	au small finance bank	bank	grouptab
AUDOST	au small finance bank	bank	grouptab
AUITSM	au small finance bank	bank	grouptab
FINSFB	au small finance bank	bank	grouptab
FINCRE	au small finance bank	bank	grouptab
EQUTAS	equitas small finance bank	bank	pennywise,pennywise-tests
EQBANK	equitas small finance bank	bank	grouptab
EQUITS	equitas small finance bank	bank	grouptab
EQSMSG	equitas small finance bank	bank	grouptab
JANABK	jana small finance bank	bank	pennywise,pennywise-tests
JANASB	jana small finance bank	bank	grouptab
JNLBFL	jana small finance bank	bank	grouptab
UJJIVN	ujjivan small finance bank	bank	grouptab
UJJSFB	ujjivan small finance bank	bank	grouptab
SURBNK	suryoday small finance bank	bank	grouptab
SURSMS	suryoday small finance bank	bank	grouptab
SSFBNK	suryoday small finance bank	bank	cashiro-issues
UTKSFB	utkarsh small finance bank	bank	pennywise
UTKSPR	utkarsh small finance bank	bank	pennywise
UTKARB	utkarsh small finance bank	bank	grouptab
UTKBNK	utkarsh small finance bank	bank	grouptab
ESAFBN	esaf small finance bank	bank	grouptab
ESAFSB	esaf small finance bank	bank	grouptab
UNTYCC	unity small finance bank	card	cashiro-issues
PMCBNK	unity small finance bank	bank	grouptab
# Payments banks (typed bank: they hold deposit accounts).
AIRBNK	airtel payments bank	bank	pennywise,credeau-docs
AIRBPB	airtel payments bank	bank	grouptab
IPBMSG	india post payments bank	bank	pennywise
NSDLPB	nsdl payments bank	bank	pennywise,pennywise-tests,grouptab
JIOPBS	jio payments bank	bank	pennywise
JIOPPB	jio payments bank	bank	grouptab
PAYTMB	paytm payments bank	bank	scg,allowlist,yarn,lifeledger,grouptab
PPBLNK	paytm payments bank	bank	grouptab
FINOPB	fino payments bank	bank	grouptab
# Regional rural and co-operative banks.
KELBNK	kerala bank	bank	pennywise,pennywise-tests,pennywise-issues
KGBANK	kerala gramin bank	bank	pennywise,pennywise-tests,pennywise-issues
KERBGB	kerala gramin bank	bank	grouptab
KGRBNK	kerala gramin bank	bank	grouptab
KGBBNK	karnataka gramin bank	bank	grouptab
TGBBNK	telangana grameena bank	bank	grouptab
WBGBNK	west bengal gramin bank	bank	cashiro-issues
APGBBK	andhra pragathi grameena bank	bank	grouptab
APGBHO	andhra pragathi grameena bank	bank	grouptab
APGBIT	andhra pragathi grameena bank	bank	grouptab
APGBNK	andhra pragathi grameena bank	bank	grouptab
APGECM	andhra pragathi grameena bank	bank	grouptab
TNSCBK	tamil nadu state apex co-operative bank	bank	grouptab
SARBNK	saraswat co-operative bank	bank	pennywise,pennywise-tests,grouptab
GRTRBN	greater bank	bank	pennywise,pennywise-tests
SVCBNK	svc co-operative bank	bank	grouptab
COSBNK	cosmos co-operative bank	bank	grouptab
TJSBNK	tjsb sahakari bank	bank	grouptab
KARADB	karad urban co-operative bank	bank	grouptab
JSBBNK	janata sahakari bank	bank	grouptab
SPBALT	surat people's co-operative bank	bank	cashiro-issues
SUDICO	surat district co-operative bank	bank	cashiro-issues
"""#
}
