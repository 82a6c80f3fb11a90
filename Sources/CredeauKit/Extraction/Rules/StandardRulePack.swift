/// The compiled-in rule pack, in the JSON format `RulePack` documents.
///
/// Patterns run against the body after ASCII lower-casing, so they are written in lower case.
/// `{name}` inside a pattern expands to the entry `name` of `definitions`.
enum StandardRulePack {
    static let json = #"""
{
  "version": 1,
  "definitions": {
    "cur": "(?:(?<![a-z])(?:inr|rs|₹)\\s*[.:]?\\s*)+",
    "num": "([0-9](?:[0-9,]*[0-9])?(?:\\.[0-9]+)?)",
    "signed_num": "((?:(?<=[\\s.])-)?[0-9](?:[0-9,]*[0-9])?(?:\\.[0-9]+)?)",
    "sep_dash": "(?:-(?![0-9])|(?<!\\s)-)",
    "acctword": "(?:a/c|a/c\\.|ac|acct|account|acc|card)",
    "honorific": "(?:(?:mr|mrs|ms|miss|dr|shri|smt|m/s)\\.?\\s+)?",
    "date": "(\\d{1,2}(?:st|nd|rd|th)?[-/ .]?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/ ,.']*\\d{2,4}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})"
  },
  "direction_verbs": {
    "debit": [
      {"any": ["debit"], "pattern": "\\bdebited\\b|\\bdebit\\s*(?:of|for|by|with|:)|\\ba debit (?:by|of)\\b|\\bdebit\\s+(?:inr|rs|₹)"},
      {"any": ["dr"], "pattern": "\\bdr\\.?(?=\\s*(?:inr|rs|₹|\\d|from\\b|to\\b))"},
      {"any": ["spent", "sent"], "pattern": "\\bspent\\b|\\bsent\\b"},
      {"any": ["withdraw"], "pattern": "\\bwithdrawn\\b|\\bwithdrawal of\\b"},
      {"any": ["paid"], "pattern": "\\bpaid (?:to|at|for|via|from)\\b|\\bpaid (?:rs|inr|₹)"},
      {"any": ["transferred"], "pattern": "\\btransferred (?:to|from)\\b"},
      {"any": ["purchase"], "pattern": "\\bpurchase (?:of|at|for)\\b"},
      {"any": ["deducted", "charged"], "pattern": "\\bdeducted\\b|\\bcharged\\b"},
      {"any": ["used"], "pattern": "\\bused (?:at|for|on)\\b"},
      {"any": ["transaction", "txn", "trn", "trxn"], "pattern": "\\btransaction of\\b|\\bt(?:x|rx?)n (?:of )?(?:rs|inr|₹)"},
      {"any": ["successful"], "pattern": "\\bprocessed successfully\\b|\\bsuccessful at\\b"},
      {"any": ["thank you for using"], "pattern": "\\bthank you for using\\b"},
      {"any": ["made a"], "pattern": "\\bmade a (?:payment|purchase|transaction) of\\b"}
    ],
    "credit": [
      {"any": ["credit"], "pattern": "\\bcredited\\b|\\bcredit\\s*(?:of|for|by|with|:)|\\ba credit (?:by|of)\\b|\\bcredit\\s+(?:inr|rs|₹)"},
      {"any": ["cr"], "pattern": "\\bcr\\.?(?=\\s*(?:inr|rs|₹|\\d|from\\b|to\\b))"},
      {"any": ["received", "deposited"], "pattern": "\\breceived\\b|\\bdeposited\\b"},
      {"any": ["refund", "revers"], "pattern": "\\brefund(?:ed)?\\b|\\breversed\\b|\\breversal\\b"},
      {"any": ["added to", "loaded"], "pattern": "\\badded to\\b|\\bloaded\\b"},
      {"any": ["paid towards"], "pattern": "\\bpaid towards (?:your )?(?:[a-z]+ ){0,3}(?:credit )?card\\b"}
    ]
  },
  "classification": [
    {"name": "otp", "any": ["otp", "one time password", "one-time password", "verification code", "passcode", "security code"],
     "patterns": ["\\b(?:otp|one[ -]time password|verification code|passcode|security code)\\b(?:[^.\\n]|\\.(?=\\d)){0,80}?\\b\\d{4,8}\\b", "\\b\\d{4,8}\\b[^.\\n]{0,30}?\\b(?:otp|one[ -]time password|verification code|passcode)\\b"],
     "sms_type": "otp"},
    {"name": "mandate_setup", "any": ["mandate", "autopay", "standing instruction", "e-nach", "enach"],
     "patterns": ["(?:mandate|autopay|standing instruction|e-?nach)[^\\n]{0,60}?\\b(?:created|registered|set up|setup|activated|approved|registration)\\b", "\\b(?:created|registered|set up|activated)\\b[^\\n]{0,40}?(?:mandate|autopay|standing instruction)"],
     "sms_type": "not_in_the_list", "tag": "mandate_setup"},
    {"name": "merchant_refund_notice", "any": ["refund"],
     "patterns": ["\\brefund\\b[^\\n]{0,100}?\\b(?:processed|initiated)\\b[^\\n]{0,80}?\\b(?:original (?:payment )?(?:method|mode|source)|source account|payment source|will (?:be )?(?:reflect|credited)|within \\d|in \\d)"],
     "sms_type": "not_in_the_list", "tag": "refund_initiated"},
    {"name": "investment_units", "any": ["unit", "nav", "pran", "folio", "sip", "contribution"],
     "patterns": ["\\bunits?\\b[^\\n]{0,80}?\\b(?:allotted|credited|purchased|redeemed|processed)\\b", "\\bnav\\b", "\\bpran\\b", "\\bfolio\\b", "\\bsip\\b[^\\n]{0,60}?\\b(?:registered|processed|installment|instalment)\\b", "\\b(?:pf|epf|provident fund|ppf|nps)\\b[^\\n]{0,40}?\\bcontribution\\b"],
     "sms_type": "not_in_the_list", "tag": "investment"},
    {"name": "loan_application", "any": ["application", "applied"],
     "patterns": ["\\b(?:loan|card) application\\b", "\\byour application\\b", "\\bapplied for\\b"],
     "sms_type": "not_in_the_list", "tag": "application"},
    {"name": "upcoming_emi_debit", "any": ["will be", "to be debited", "would be"],
     "patterns": ["\\b(?:will|would|is scheduled to|are scheduled to|is due to) be (?:auto-?)?(?:debited|deducted|charged|presented|collected)\\b[^\\n]*\\b(?:emi|loan|instal+ment)\\b", "\\b(?:emi|loan|instal+ment)\\b[^\\n]*\\b(?:will|would) be (?:auto-?)?(?:debited|deducted|presented|collected)\\b"],
     "sms_type": "loan_emi_due", "account_type": "loan"},
    {"name": "upcoming_debit", "any": ["will be", "to be debited", "would be"],
     "patterns": ["\\b(?:will|would|is scheduled to|are scheduled to|is due to) be (?:auto-?)?(?:debited|deducted|charged|presented|collected)\\b"],
     "sms_type": "bill_due"},
    {"name": "bounce", "any": ["bounce", "dishono", "insufficient", "returned", "unpaid", "failed", "unsuccessful", "rejected", "not honoured", "not honored"],
     "patterns": ["\\bbounced?\\b", "\\bdishono(?:u)?red\\b", "\\breturned unpaid\\b", "\\binsufficient (?:funds|balance|bal)\\b", "\\b(?:nach|ecs|cheque|chq|emi|mandate|auto-?debit|si|standing instruction)\\b[^\\n]{0,80}?\\b(?:failed|returned|unsuccessful|rejected|unpaid|not (?:be )?(?:processed|honou?red))\\b"],
     "sms_type": "payment_bounce", "account_type": "bank"},
    {"name": "declined", "any": ["declined", "failed", "unsuccessful", "not successful", "could not be", "rejected"],
     "patterns": ["\\bdeclined\\b", "\\bfailed\\b", "\\bunsuccessful\\b", "\\bnot successful\\b", "\\bcould not be (?:processed|completed)\\b", "\\b(?:was|has been) rejected\\b"],
     "unless": ["\\b(?:reversal|refund) (?:of|for|against) (?:a |the |your )?(?:failed|declined|unsuccessful)\\b"],
     "sms_type": "transaction_declined"},
    {"name": "promotion", "any": ["get ", "win", "%", "flat ", "approved", "apply now", "shop now", "buy now", "hurry", "limited period", "offer", "code", "coupon", "voucher", "eligible", "disburs"],
     "patterns": ["\\bget (?:a |up ?to |flat |assured |extra |instant )?(?:free\\b|{cur}[0-9]|[0-9]+%|cashback)", "\\bwin\\b", "\\bbuy \\d+ get \\d+\\b", "\\bget \\d+ free\\b", "\\b\\d{1,2}% (?:instant )?(?:off|discount|cashback)", "\\bflat \\d+ ?%", "\\bpre-?approved\\b", "\\b(?:apply|shop|buy|book|order) now\\b", "\\bhurry\\b", "\\blimited period\\b", "\\b(?:exclusive )?offer (?:valid|ends|on)\\b", "\\buse (?:promo |coupon )?code\\b", "\\b(?:coupon|promo) code\\b", "\\byou are eligible\\b", "\\b(?:instant|quick|fast|same[- ]day|hassle[- ]free) (?:loan )?disburs(?:al|ement)\\b"],
     "sms_type": "promotional"},
    {"name": "upcoming_credit", "any": ["will be", "shall be", "would be"],
     "patterns": ["^(?:[^.\\n]|\\.(?=\\d))*?\\b(?:will|shall|would) be (?:credited|refunded|reversed|added)\\b"],
     "sms_type": "not_in_the_list", "tag": "upcoming_credit"},
    {"name": "pending_disbursal", "any": ["disburs"],
     "patterns": ["\\b(?:will|shall|would|to) (?:be|get) disbursed\\b", "\\bbeing disbursed\\b", "\\bnot (?:yet )?(?:been )?disbursed\\b", "\\b(?:get|receive) (?:it |the (?:loan |amount |money |funds )?|your (?:loan |amount |money |funds )?)?disbursed\\b", "\\bdisburs(?:al|ement)\\b(?:[^\\n.]|\\.(?=\\d)){0,50}?\\b(?:pending|scheduled|on (?:its|the) way|in (?:process|progress)|under process|initiated|request|requested|awaited|expected|may take|subject to)\\b"],
     "unless": ["\\b(?:has|have) been (?:successfully )?disbursed\\b", "\\bwas (?:successfully )?disbursed\\b", "\\bsuccessfully disbursed\\b"],
     "sms_type": "not_in_the_list", "tag": "disbursal_pending"},
    {"name": "loan_disbursed", "any": ["disburs", "loan"],
     "patterns": ["\\bdisbursed\\b", "\\bdisburs(?:al|ement)\\b(?:[^\\n.]|\\.(?=\\d)){0,50}?\\b(?:has been |is |was )?(?:done|completed|successful|credited|processed)\\b", "\\b(?:credited|received|deposited)\\b[^\\n]{0,80}?\\bdisburs(?:al|ement)\\b", "\\bloan(?: amount)?(?:[^\\n.]|\\.(?=\\d)){0,40}?\\b(?:has been |is |been )?credited\\b", "\\bcredited\\b[^\\n.]{0,60}?\\bas (?:your |the )?(?:[a-z]+ ){0,3}loan\\b"],
     "unless": ["\\b(?:emi|instal+ment)[^\\n]{0,30}(?:debited|deducted|received)", "\\bcredited to (?:your )?loan (?:a/c|ac|acct|account)\\b", "\\bcredited\\b[^\\n]{0,40}?\\b(?:towards|for|against) (?:your |the )?(?:emi|instal+ment|repayment)\\b", "\\b(?:to|in favou?r of) (?:the |your )?(?:dealer|builder|developer|seller|vendor|merchant|college|university|institute|hospital)\\b"],
     "sms_type": "loan_disbursed", "account_type": "bank", "direction": "credit", "requires_amount": true},
    {"name": "loan_emi_paid", "any": ["emi", "instalment", "installment", "credited"],
     "patterns": ["\\bcredited\\b[^\\n]{0,40}?\\b(?:towards|for|against) (?:your |the )?(?:emi|instal+ment|repayment)\\b", "\\bcredited to (?:your )?loan (?:a/c|ac|acct|account)\\b", "\\b(?:received|receipt of)\\b[^\\n]{0,60}?\\b(?:emi|instal+ment)\\b", "\\b(?:emi|instal+ment)\\b[^\\n]{0,60}?\\b(?:has been received|is received|was received|received|has been paid|paid successfully|is paid|was paid|successfully paid|collected)\\b", "\\bthank(?:s| you) for (?:paying|the payment of) (?:your )?(?:emi|instal+ment)"],
     "unless": ["\\ba/c\\b[^\\n]{0,30}\\bdebited\\b", "\\bdebited from\\b"],
     "sms_type": "loan_emi_paid", "account_type": "loan", "direction": "debit"},
    {"name": "card_transaction", "any": ["card", " cc "],
     "patterns": ["\\bcredit\\s*card\\b", "(?<!block)(?<!blk)card\\s*(?:no\\.?|number|ending|end|xx|x\\d|\\*|[0-9]{4}\\b)", "\\bcc\\b"],
     "unless": ["\\b(?:withdrawn|withdrawal)\\b[^\\n]*\\batm\\b", "\\batm\\b[^\\n]*\\b(?:withdrawn|withdrawal)\\b", "\\blinked to (?:your )?(?:a/c|ac|account)\\b"],
     "unless_any": ["withdraw", "linked to"],
     "sms_type": "card_debit_executed", "credit_sms_type": "card_credit_executed", "account_type": "card", "direction": "by_verb", "requires_amount": true},
    {"name": "wallet_transaction", "any": ["wallet", "balance", "mobikwik", "freecharge", "ola money", "paytm"],
     "patterns": ["\\bwallet\\b", "\\b(?:apay|amazon pay|paytm|mobikwik|freecharge|phonepe|airtel payments) (?:wallet|balance)\\b", "\\bmobikwik\\b", "\\bfreecharge\\b", "\\bola money\\b"],
     "sms_type": "wallet_debit_executed", "credit_sms_type": "wallet_credit_executed", "account_type": "wallet", "direction": "by_verb", "requires_amount": true},
    {"name": "payment_confirmation", "any": ["payment"],
     "patterns": ["\\bpayment of (?:rs|inr|₹)\\.?\\s*[0-9][0-9,.]*\\s+(?:has been |is |was )?(?:received|successful)\\b"],
     "unless": ["\\b(?:a/c|acct|account|card)\\b"],
     "sms_type": "not_in_the_list", "tag": "payment_confirmation"},
    {"name": "account_transaction", "any": [],
     "patterns": [],
     "unless": ["\\b(?:statement|total (?:amount )?due|min(?:imum)? (?:amount )?due)\\b"],
     "unless_any": ["statement", "due"],
     "sms_type": "account_debit_executed", "credit_sms_type": "account_credit_executed", "account_type": "bank", "direction": "by_verb", "requires_amount": true},
    {"name": "loan_overdue", "any": ["overdue", "past due", "dpd", "days past", "missed", "not been paid", "unpaid", "legal action", "default"],
     "patterns": ["\\b(?:overdue|past due|dpd|days past due|missed|not been paid|unpaid|legal action|default(?:ed)?)\\b[^\\n]*\\b(?:emi|loan|instal+ment)\\b", "\\b(?:emi|loan|instal+ment)\\b[^\\n]*\\b(?:overdue|past due|dpd|days past due|missed|not been paid|unpaid|legal action|default(?:ed)?)\\b"],
     "sms_type": "loan_overdue", "account_type": "loan"},
    {"name": "loan_emi_due", "any": ["emi", "instalment", "installment"],
     "patterns": ["\\b(?:emi|instal+ment)\\b[^\\n]{0,100}?\\b(?:due|payable|reminder)\\b", "\\bdue\\b[^\\n]{0,80}?\\b(?:emi|instal+ment)\\b", "\\b(?:maintain|keep) (?:sufficient|adequate) (?:balance|funds)\\b", "\\bpay (?:your )?(?:emi|instal+ment)\\b"],
     "sms_type": "loan_emi_due", "account_type": "loan"},
    {"name": "card_statement", "any": ["statement"],
     "patterns": ["\\bstatement\\b[^\\n]{0,80}?\\b(?:generated|ready|is due|has been|sent|dispatched|e-?mailed|available)\\b", "\\bstatement (?:for|of|dated)\\b", "\\b(?:card|cc)\\b[^\\n]{0,60}\\bstatement\\b"],
     "sms_type": "card_statement", "account_type": "card"},
    {"name": "bill_due", "any": ["due", "bill", "pay by", "pay before", "last date", "expir", "recharge"],
     "patterns": ["\\bbill\\b[^\\n]{0,120}?\\bdue\\b", "\\bdue (?:date|on|by)\\b", "\\bpayment (?:is )?due\\b", "\\bis due\\b", "\\b(?:total|min(?:imum)?) (?:amount |amt )?due\\b", "\\bamount due\\b", "\\bpay (?:before|by)\\b", "\\blast date\\b", "\\b(?:plan|pack|validity) (?:will )?expir", "\\bbill (?:generated|amount|of)\\b"],
     "sms_type": "bill_due"},
    {"name": "soft_promotion", "any": ["offer", "discount", "cashback", "free", "enjoy", "valid", "t&c", "tnc", "click", "visit", "deal", "upgrade", "reward"],
     "patterns": ["\\boffers?\\b", "\\bdiscount\\b", "\\bcashback\\b", "\\bfree\\b", "\\benjoy\\b", "\\bvalid (?:for|till|until|up ?to)\\b", "\\bt&c\\b", "\\btnc\\b", "\\bclick\\b", "\\bdeals?\\b", "\\bupgrade\\b", "\\breward"],
     "sms_type": "promotional"},
    {"name": "balance_update", "any": ["bal"],
     "patterns": ["\\b(?:available|avl|avbl|avail|current|closing|ledger|clear)\\.?\\s*(?:bal|balance)\\b", "\\bbal(?:ance)? (?:in|of|for) (?:your )?[^\\n]{0,30}?{acctword}", "\\bbal(?:ance)? as (?:on|of)\\b", "\\b(?:a/c|ac|acct|account)\\b[^\\n]{0,25}?\\bbal(?:ance)? (?:is|:)"],
     "sms_type": "balance_update", "account_type": "bank"}
  ],
  "fields": {
    "amount": [
      {"name": "currency_amount", "any": ["rs", "inr", "₹"], "pattern": "{cur}{num}"},
      {"name": "currency_after_amount", "any": ["inr", "rs"], "pattern": "(?<![0-9,.])([0-9](?:[0-9,]*[0-9])?(?:\\.[0-9]+)?)\\s*(?:inr|rs)\\b(?!\\.?\\s*[0-9])"},
      {"name": "bare_amount_after_verb", "any": ["debited", "credited"], "pattern": "\\b(?:debited|credited)\\s+(?:by|with|for)\\s+{num}\\b"}
    ],
    "account_digits": [
      {"name": "keyword_then_digits", "any": ["a/c", "ac", "acc", "card"], "pattern": "\\b{acctword}\\b(?:\\s*(?:no|number|num)\\b\\.?)?(?:\\s*(?:ending|ends|end)(?:\\s*(?:with|in))?)?\\s*[:\\-]?\\s*(?:[0-9]*(?:[x*#.]+|nn+)\\s?)?([0-9]{2,6})\\b"},
      {"name": "ending_digits", "any": ["end"], "pattern": "\\bend(?:ing|s)?\\s*(?:with|in)?\\s*[:\\-]?\\s*[x*#]*([0-9]{2,6})\\b"},
      {"name": "masked_token", "any": ["x", "*", "#"], "pattern": "(?<![a-z0-9])[x*#]{1,12}([0-9]{3,6})\\b"},
      {"name": "partly_masked_number", "any": ["xx"], "pattern": "\\b[0-9]{2,6}x{2,}([0-9]{3,6})\\b"}
    ],
    "balance": [
      {"name": "balance_in_account", "any": ["bal"], "pattern": "\\bbal(?:ance)? (?:in|of|for) (?:your )?[^\\n]{0,30}?{acctword}[^\\n]{0,40}?\\b(?:is|:)\\s*(?:{cur})?{signed_num}"},
      {"name": "named_balance", "any": ["bal"], "pattern": "\\b(?:avl|avbl|avail|available|clear|clr|current|curr|final|new|updated|net|closing|ledger)\\.?\\s*(?:bal|balance)\\b\\.?\\s*(?:is|:|{sep_dash}|of)?\\s*(?::|{sep_dash})?\\s*(?:{cur})?{signed_num}"},
      {"name": "balance_then_amount", "any": ["bal"], "pattern": "\\bbal(?:ance)?\\b[^\\n]{0,40}?\\b(?:is|:)\\s*{cur}{signed_num}"},
      {"name": "plain_balance", "any": ["bal"], "pattern": "\\bbal(?:ance)?\\b\\.?\\s*(?::-|:|{sep_dash})?\\s*(?:is\\s*)?(?:{cur})?{signed_num}"}
    ],
    "outstanding": [
      {"name": "outstanding", "any": ["outstanding", "o/s", "due"], "pattern": "(?<!min |minimum |min\\. )\\b(?:total outstanding|outstanding(?: amount| amt| balance)?|o/s(?: amt| amount)?|total (?:amount |amt )?due|amt due|amount due|due)\\b\\s*(?:is|of|:|-|amount)?\\s*[:\\-]?\\s*{cur}{num}"}
    ],
    "due_amount": [
      {"name": "total_due", "any": ["due"], "pattern": "\\btotal (?:amount |amt )?due\\b\\s*(?:is|of|:|-)?\\s*[:\\-]?\\s*{cur}{num}"},
      {"name": "labelled_due", "any": ["due", "emi", "payable", "instal"], "pattern": "\\b(?:min(?:imum)?\\.? (?:amount |amt )?due|amount due|amt due|due amount|emi amount|emi of|emi|instal+ment(?: amount)?(?: of)?|overdue amount|overdue of|dues? of|payable)\\b\\s*(?:is|of|:|-)?\\s*[:\\-]?\\s*{cur}{num}"},
      {"name": "amount_then_due", "pattern": "{cur}{num}\\s*(?:is |was |will be |has been )?(?:due|payable|pending|overdue|to be debited|will be debited)\\b"}
    ],
    "due_date": [
      {"name": "due_on_date", "any": ["due", "pay", "before", "expir"], "pattern": "\\b(?:due|payable|pay|expir[a-z]*)\\b[^\\n]{0,25}?\\b(?:on|by|before|date|dt)\\b\\.?\\s*[:\\-]?\\s*(?:is\\s*)?{date}"},
      {"name": "due_date_after", "any": ["due"], "pattern": "\\bdue\\b\\s*[:\\-]?\\s*{date}"},
      {"name": "on_date", "pattern": "\\b(?:on|by|before|from)\\s+{date}"}
    ],
    "reference": [
      {"name": "rail_reference", "any": ["ref", "txn", "transaction"], "pattern": "\\b(?:upi|imps|neft|rtgs)\\s*(?:ref(?:erence)?|txn|transaction)\\.?\\s*(?:no|number|id)?\\.?\\s*[:\\-#]?\\s*([a-z0-9]*[0-9][a-z0-9]*)"},
      {"name": "labelled_reference", "any": ["ref", "rrn", "utr", "txn", "transaction"], "pattern": "\\b(?:ref(?:erence)?|refno|rrn|utr|txn|transaction)\\s*(?:no|number|id)?\\.?\\s*[:\\-#]?\\s*([a-z0-9]*[0-9][a-z0-9]*)"},
      {"name": "rail_colon_number", "any": ["upi", "imps"], "pattern": "\\b(?:upi|imps)\\s*[:\\-]\\s*([0-9]{6,})"},
      {"name": "rail_then_number", "any": ["upi", "imps"], "pattern": "\\b(?:upi|imps)\\s+([0-9]{9,})\\b"},
      {"name": "info_path", "any": ["/"], "pattern": "\\b(?:upi|imps|neft|rtgs)(?:/[a-z][a-z0-9]{1,3})?/([a-z0-9]*[0-9][a-z0-9]{5,})"},
      {"name": "bracketed", "any": ["["], "pattern": "\\[([a-z0-9]*[0-9][a-z0-9]*)\\]"}
    ],
    "party": [
      {"name": "line_after_time", "any": ["\n"], "pattern": "\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*(?:ist|am|pm))?\\s*\\n([^\\n]+?)\\s*\\n"},
      {"name": "info_path", "any": ["info"], "pattern": "\\binfo:?\\s*(?:upi|imps|neft|rtgs|ift|mmt|ach)[^\\n]*/\\s*(\\pL[^/\\n]*?)\\s*(?:\\.\\s|\\.$|\\s+on\\s+\\d|\\n|$)"},
      {"name": "upi_path", "any": ["upi/"], "pattern": "\\bupi/(?:dr|cr|p2a|p2m)/[^/\\s]+/(\\pL[^/\\n]*?)\\s*(?:/|\\s\\d|\\.\\s|\\.$|$)"},
      {"name": "neft_credit_path", "any": ["neft"], "pattern": "\\bneft cr-[a-z0-9]+-([^-\\n]+)-"},
      {"name": "vpa_handle", "any": ["@"], "pattern": "(?<![a-z0-9._])([a-z0-9._]{2,})@[a-z]{2,}\\b(?!\\.[a-z])"},
      {"name": "name_credited", "any": ["credited"], "pattern": ";\\s*{honorific}(\\pL[\\pL\\pM0-9 &.'-]*?)\\s+credited\\b"},
      {"name": "transfer_to", "any": ["trf", "transfer"], "pattern": "\\b(?:trf|transfer(?:red)?) to\\s+{honorific}(\\pL[^\\n]*?)\\s*(?:\\bref|\\bon\\b|\\.\\s|,|$)"},
      {"name": "from_name", "direction": "credit", "any": ["from"], "pattern": "\\bfrom\\s+{honorific}(?!a/c|ac\\b|acct|account|your\\b|card|bank\\b|the\\b|cash\\b|\\d)(\\pL[\\pL\\pM0-9 &.'_-]*?)\\s*(?:\\bvia\\b|\\bon\\b|\\bref|\\bhas\\b|\\bis\\b|\\bwas\\b|\\bto\\b|\\bcredited\\b|\\(|\\.(?=[a-z\\s]|$)|,|$)"},
      {"name": "by_name", "direction": "credit", "any": ["by "], "pattern": "\\bby\\s+{honorific}(?!rs\\b|inr\\b|upi\\b|neft\\b|imps\\b|rtgs\\b|transfer|cash\\b|cheque|clearing|a/c|ac\\b|acct|account|your\\b|the\\b|us\\b|\\d)(\\pL[\\pL\\pM .'&-]*?)\\s*(?:\\.\\s|\\.$|,|\\(|\\bon\\b|\\bvia\\b|\\bref|$)"},
      {"name": "merchant_at_sign", "any": ["@"], "pattern": "@\\s*(?:upi_)?(\\pL[^\\n@]*?)\\s*(?:\\d|\\.\\s|\\.$|,|$)"},
      {"name": "paid_for", "direction": "debit", "any": ["for"], "pattern": "{cur}{num}\\s+for\\s+(?!your\\b|the\\b|a/c|ac\\b|card|\\d)(\\pL[\\pL\\pM0-9 &.'_-]*?)\\s+(?:via|using|on\\b|at\\b)"},
      {"name": "to_name", "direction": "debit", "any": ["to "], "pattern": "\\bto\\s+{honorific}(?!a/c|ac\\b|acct|account|your\\b|you\\b|the\\b|card|bank\\b|report|block|us\\b|registered|avoid|mobile|\\d)(\\pL[\\pL\\pM0-9 &.'_-]*?)\\s*(?:\\.(?=[a-z\\s]|$)|,|\\(|\\bon\\b|\\bvia\\b|\\bref|\\bupi\\b|\\brrn|\\bfrom\\b|$)"},
      {"name": "merchant_at", "any": ["at ", "on "], "pattern": "\\b(?:at|on)\\s+(?:(?:neft|imps|upi|rtgs)[-/ ])?(?!your\\b|the\\b|a/c|ac\\b|card|date\\b|account|\\d)(\\pL[\\pL\\pM0-9 &.'_*-]*?)\\s*(?:\\bon\\b|\\bfor\\b|\\bis\\b|\\bwas\\b|\\bhas\\b|\\bfailed\\b|\\bdeclined\\b|\\bvia\\b|\\bby\\b|\\busing\\b|\\d{1,2}[-/]\\d|\\d{1,2}-?[a-z]{3}|\\.\\s|\\.$|,|$)"},
      {"name": "name_after_time", "any": ["avl", "avbl", "available", "not you"], "pattern": "\\d{1,2}:\\d{2}(?::\\d{2})?(?: (?:ist|am|pm)\\b)? (?!(?:at|on|to|from|by|via|for|in|ref|info|hrs?|avl|avbl|available|not)\\b)([a-z0-9](?:[^\\n,;:.]|\\.(?! ))*?) (?=(?:avl|avbl|available)\\.? ?(?:limit|lmt|bal)\\b|not you\\b)"}
    ]
  },
  "amount_excluded_after": ["bal", "limit", "lmt", "due", "outstanding", "o/s", "avl", "avbl", "available", "emi", "min ", "worth", "above", "upto", "up to"],
  "foreign_currency": "(?<![a-z])(?:usd|eur|gbp|aed|sgd|aud|cad|jpy|chf|\\$|€|£)\\s*[0-9]",
  "foreign_currency_any": ["usd", "eur", "gbp", "aed", "sgd", "aud", "cad", "jpy", "chf", "$", "€", "£"],
  "balance_excluded_when": ["credit card", "creditcard", "avl lmt", "avl limit", "available limit"],
  "party_rejected_words": ["atm", "card", "a/c", "account", "acct", "bank", "your", "sms", "call", "block", "helpline", "balance", "bal", "limit", "ref", "otp", "date", "txn"],
  "channels": [
    {"channel": "nach", "any": ["nach", "ecs", "mandate", "auto", "si", "standing"], "pattern": "\\b(?:nach|ecs|e-?mandate|mandate|auto-?debit|si|standing instruction)\\b"},
    {"channel": "upi", "any": ["upi", "@", "vpa"], "pattern": "\\bupi\\b|@[a-z]{2,}\\b(?!\\.)|\\bvpa\\b"},
    {"channel": "imps", "any": ["imps"], "pattern": "\\bimps\\b"},
    {"channel": "neft", "any": ["neft"], "pattern": "\\bneft\\b"},
    {"channel": "rtgs", "any": ["rtgs"], "pattern": "\\brtgs\\b"},
    {"channel": "atm", "any": ["atm", "withdraw"], "pattern": "\\batm\\b|\\bwithdrawn\\b|\\bwithdrawal\\b"},
    {"channel": "cash", "any": ["cash", "cdm"], "pattern": "\\bcash (?:deposit|acceptor|rs|inr)|\\bcash\\b[^\\n]{0,30}\\bdeposited\\b|\\bcdm\\b"},
    {"channel": "cheque", "any": ["cheque", "chq", "clearing"], "pattern": "\\b(?:cheque|chq)\\s*(?:no\\b|number|\\d)|\\bclearing\\b(?! (?:of|in) )|\\bcheque (?:deposit|return|bounce|dishono)"},
    {"channel": "netbanking", "any": ["net", "inb", "bbps"], "pattern": "\\bnet ?banking\\b|\\bnetbkg\\b|\\bbbps\\b|\\binb\\b"},
    {"channel": "pos", "any": ["pos", "spent", "used at", "purchase", "card"], "pattern": "\\bpos\\b|\\bspent\\b|\\bused at\\b|\\bpurchase\\b|\\bcard\\b[^\\n]{0,60}\\bat\\b"}
  ],
  "tags": [
    {"suffix": "salary", "any": ["sal", "payroll"], "pattern": "\\bsalary\\b|\\bsal\\b|\\bpayroll\\b|\\bsal cr\\b", "types": ["account_credit_executed"]},
    {"suffix": "refund", "any": ["refund", "revers"], "pattern": "\\brefund|\\breversal\\b|\\breversed\\b", "types": ["account_credit_executed", "card_credit_executed", "wallet_credit_executed"]},
    {"suffix": "cashback", "any": ["cashback"], "pattern": "\\bcashback\\b", "types": ["account_credit_executed", "card_credit_executed", "wallet_credit_executed"]},
    {"suffix": "interest", "any": ["int"], "pattern": "\\binterest\\b|\\bint\\.? (?:cr|paid)\\b", "types": ["account_credit_executed"]},
    {"suffix": "bill_payment", "any": ["payment"], "pattern": "\\bpayment\\b[^\\n]{0,80}\\b(?:received|credited)\\b|\\breceived (?:your )?payment\\b", "types": ["card_credit_executed"]},
    {"suffix": "emi", "any": ["emi", "instal", "loan"], "pattern": "\\bemi\\b|\\binstal+ment\\b|\\bloan\\b", "types": ["account_debit_executed", "card_debit_executed", "payment_bounce"]},
    {"suffix": "charges", "any": ["charge", "fee", "amc", "penalty"], "pattern": "\\bcharges?\\b|\\bfee\\b|\\bamc\\b|\\bpenalty\\b", "types": ["account_debit_executed", "card_debit_executed"]},
    {"suffix": "cheque", "any": ["cheque", "chq"], "pattern": "\\bcheque\\b|\\bchq\\b", "types": ["payment_bounce"]}
  ],
  "channel_tag_types": ["account_debit_executed", "account_credit_executed", "card_debit_executed", "card_credit_executed", "wallet_debit_executed", "wallet_credit_executed", "payment_bounce", "transaction_declined"]
}
"""#
}
