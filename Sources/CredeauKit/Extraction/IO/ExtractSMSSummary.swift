/// The outcome of an extraction: counts for the end-of-run line and skipped records by field.
public struct ExtractSMSSummary: Sendable, Equatable {
    public var counts = SMSReadCounts()
    /// Users with at least one new inbox SMS.
    public var users = 0
    public var extracted = 0
    /// Skipped records per canonical field name (`record` when the whole record was unreadable).
    public var skippedByField: [String: Int] = [:]
    /// The first skipped records, kept for callers that report them later (at most `keptProblemLimit`).
    public var problems: [InputProblem] = []
    public var elapsedSeconds = 0.0
    /// Requested `--users` ids with no document in the input, sorted.
    public var missingUserIDs: [String] = []
    /// The `--client-id` value when it was given without `--users` and no document was of that client.
    public var missingClientID: String?

    static let keptProblemLimit = 100

    public init() {}

    public var skipped: Int { counts.skipped }

    mutating func record(_ problem: InputProblem) {
        skippedByField[problem.field ?? "record", default: 0] += 1
        if problems.count < Self.keptProblemLimit { problems.append(problem) }
    }

    /// One line for standard error, such as
    /// `Extracted 1,204 SMS of 6 users from 14 documents in 0.21 s (1,310 read, 98 duplicates, 2 not in the inbox, 6 skipped: sms_body 4, record 2)`.
    public var line: String {
        var text = "Extracted \(Self.grouped(extracted)) SMS of \(Self.counted(users, "user"))"
        text += " from \(Self.counted(counts.documents, "document")) in \(Self.seconds(elapsedSeconds))"
        text += " (\(Self.grouped(counts.sms)) read, \(Self.grouped(counts.duplicates)) duplicates"
        if counts.notInInbox > 0 { text += ", \(Self.grouped(counts.notInInbox)) not in the inbox" }
        text += ", \(Self.grouped(counts.skipped)) skipped"
        if !skippedByField.isEmpty {
            let fields = skippedByField.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            text += ": " + fields.joined(separator: ", ")
        }
        return text + ")"
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }

    public static func counted(_ number: Int, _ noun: String) -> String {
        "\(grouped(number)) \(noun)\(number == 1 ? "" : "s")"
    }

    private static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}
