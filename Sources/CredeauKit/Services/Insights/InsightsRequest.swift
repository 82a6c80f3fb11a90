/// A validated body of `/api/insights` or `/api/async_insights`.
public struct InsightsRequest: Sendable, Equatable {
    public var userID: String
    public var clientID: String
    public var groupings: Set<FeatureGrouping>
    /// True when the `scores` grouping was requested.
    public var wantsScores: Bool
    /// `cutoff_date` as sent, for the request dump.
    public var cutoffText: String?
    /// The cutoff in epoch milliseconds, nil for "now".
    public var cutoffMillis: Int64?

    static let schema = RequestSchema([
        .required("user_id", .string(minLength: 1, maxLength: 64, noNUL: true)),
        .required("client_id", .string(minLength: 1, maxLength: 72, noNUL: true)),
        .optional("groupings", .list(of: .string(), maxItems: 8)),
        .optional("cutoff_date", .string(maxLength: 32)),
    ])

    static let groupingNames = FeatureGrouping.allCases.map(\.rawValue) + [ScoreModelSet.groupingName]

    /// Parses and checks `body`, throwing every problem at once in the 422 shape.
    ///
    /// Missing `groupings` means every feature grouping (and `scores` when `scoresAvailable`).
    public static func parse(_ body: [UInt8], scoresAvailable: Bool) throws(ValidationError) -> InsightsRequest {
        let value = try schema.validate(body: body)
        var issues: [ValidationIssue] = []
        var groupings: Set<FeatureGrouping> = []
        var wantsScores = false
        if let list = value["groupings"]?.arrayValue {
            if list.isEmpty {
                issues.append(ValidationIssue(
                    type: "too_short", location: [.string("body"), .string("groupings")],
                    message: "List should have at least 1 item after validation, not 0", input: .array([]),
                    context: .object([("field_type", .string("List")), ("min_length", .integer(1)),
                                      ("actual_length", .integer(0))])))
            }
            for (index, item) in list.enumerated() {
                let name = item.stringValue ?? ""
                if let grouping = FeatureGrouping(rawValue: name) {
                    groupings.insert(grouping)
                } else if name == ScoreModelSet.groupingName && scoresAvailable {
                    wantsScores = true
                } else {
                    let allowed = FeatureGrouping.allCases.map { "'\($0.rawValue)'" }
                        + (scoresAvailable ? ["'\(ScoreModelSet.groupingName)'"] : [])
                    issues.append(ValidationIssue(
                        type: "literal_error", location: [.string("body"), .string("groupings"), .integer(Int64(index))],
                        message: "Input should be " + allowed.dropLast().joined(separator: ", ") + " or " + allowed[allowed.count - 1],
                        input: item,
                        context: .object([("expected", .string(allowed.joined(separator: ", ")))])))
                }
            }
        } else {
            groupings = Set(FeatureGrouping.allCases)
            wantsScores = scoresAvailable
        }

        let cutoffText = value["cutoff_date"]?.stringValue
        var cutoffMillis: Int64?
        if let cutoffText {
            cutoffMillis = InsightsCutoff.millis(from: cutoffText)
            if cutoffMillis == nil {
                issues.append(ValidationIssue(
                    type: "value_error", location: [.string("body"), .string("cutoff_date")],
                    message: "Value error, expected a date YYYY-MM-DD or YYYYMMDD, a date and time YYYY-MM-DD HH:MM:SS or "
                        + "YYYYMMDDHHMMSS (India time), ISO 8601 such as 2026-04-30T18:30:00Z or 2026-04-30T18:30:00+05:30, "
                        + "or epoch seconds or milliseconds",
                    input: .string(cutoffText)))
            }
        }
        guard issues.isEmpty else { throw ValidationError(issues) }
        return InsightsRequest(
            userID: value["user_id"]?.stringValue ?? "", clientID: value["client_id"]?.stringValue ?? "",
            groupings: groupings, wantsScores: wantsScores, cutoffText: cutoffText, cutoffMillis: cutoffMillis)
    }

    /// The client id the synced data and extracted SMS are stored under: `client_id` without a
    /// trailing `_insights`. By convention the phone SDK syncs as `<client>` and the lender's
    /// servers call the Insights API as `<client>_insights`.
    public var dataClientID: String { Self.dataClientID(of: clientID) }

    static func dataClientID(of clientID: String) -> String {
        clientID.hasSuffix("_insights") && clientID.count > 9 ? String(clientID.dropLast(9)) : clientID
    }

    /// Requested grouping names in output order, for `groupings` of the response dump.
    public var groupingNames: [String] {
        groupings.sorted().map(\.rawValue) + (wantsScores ? [ScoreModelSet.groupingName] : [])
    }

    /// The key under which `/api/async_insights` stores this request's job: equal for equal
    /// requests whatever the order of groupings. Each part is preceded by its UTF-8 length, so no
    /// choice of ids makes two different requests share a key (a separator character could also
    /// appear inside a user id).
    public var jobKey: String {
        var text: [UInt8] = []
        for part in [clientID, userID, groupingNames.joined(separator: ","), cutoffText ?? "now"] {
            text += Array("\(part.utf8.count):".utf8) + Array(part.utf8)
        }
        return SHA256.hexDigest(text)
    }
}

/// Reads `cutoff_date`: a date means the end of that day in India time, a date and time is read
/// as India time. `extract --cutoff-date` reads its value here too, after it rejects epoch
/// numbers, so both take the same date and time forms.
enum InsightsCutoff {
    static func millis(from text: String) -> Int64? {
        let isDigits = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        // Nine or ten digits are epoch seconds (1973 to 2286). As milliseconds they would be a
        // time in the first four months of 1970, which no lender means, and every feature would be null.
        if isDigits, (9...10).contains(text.utf8.count), let seconds = Int64(text) { return seconds * 1000 }
        // Epoch numbers are plain digits, so a signed one ("-1") is rejected.
        if let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return nil }

        // Eight or fourteen digits must form a date: "20260230" is rejected, not read as epoch
        // milliseconds in 1970.
        let isBasicForm = (text.utf8.count == 8 || text.utf8.count == 14) && isDigits
        let parsed = isBasicForm ? SMSDateParser.basicFormMillis(text) : SMSDateParser.millis(from: text)
        guard let millis = parsed else { return nil }
        let isDateOnly = (text.count == 10 && text.contains("-")) || text.utf8.count == 8 && isBasicForm
        return isDateOnly ? millis + 86_400_000 - 1 : millis
    }
}
