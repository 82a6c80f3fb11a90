/// One classified SMS with the fields the extraction engine found: the "extracted entry" that
/// the SMS Extraction API returns and `credeau extract --sms` writes.
///
/// Optional fields are nil when the SMS does not carry them; writers emit JSON `null` for them.
public struct ExtractedSMS: Sendable, Equatable {
    // Identity and input, echoed back.
    public var smsID: String
    public var userID: String?
    public var clientID: String?
    public var requestID: String?
    /// Normalised bare header in lower case (`hdfcbk`), or the phone number's digits.
    public var smsSender: String
    public var inboxDateMillis: Int64?
    public var smsBody: String
    public var createdAtMillis: Int64

    // Classification.
    public var templateHash: String
    public var isClassified: Bool
    public var isExtracted: Bool
    public var senderName: String?
    public var senderType: SenderType
    public var smsType: SMSType
    public var smsSubType: AccountType?
    public var smsNLPTag: String

    // Extracted fields; amounts are in rupees.
    public var transactionType: TransactionDirection?
    public var amount: Double?
    public var accountLastDigits: String?
    public var transactionParty: String?
    public var uniquePAN: String?
    public var availableBalance: Double?
    public var outstandingAmount: Double?
    public var referenceNumber: String?
    public var transactionChannel: TransactionChannel?
    public var dueAmount: Double?
    /// Due date as an ISO date (`2026-03-18`) when the SMS states one.
    public var dueDate: String?
    public var accountType: AccountType?

    public var isTransactional: Bool { smsType.isTransactional }

    public init(
        smsID: String, smsSender: String, smsBody: String, inboxDateMillis: Int64?, createdAtMillis: Int64,
        templateHash: String, senderType: SenderType, smsType: SMSType, smsNLPTag: String
    ) {
        self.smsID = smsID
        self.smsSender = smsSender
        self.smsBody = smsBody
        self.inboxDateMillis = inboxDateMillis
        self.createdAtMillis = createdAtMillis
        self.templateHash = templateHash
        self.isClassified = smsType != .notInTheList
        self.isExtracted = false
        self.senderType = senderType
        self.smsType = smsType
        self.smsNLPTag = smsNLPTag
    }
}
