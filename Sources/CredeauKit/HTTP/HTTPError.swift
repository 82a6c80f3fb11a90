/// An error that chooses its own HTTP response.
public protocol HTTPResponseError: Error {
    var status: Int { get }
    func response(requestID: String) -> HTTPResponse
}

/// A plain error answer: `{"error": "...", "request_id": "..."}`.
public struct HTTPError: HTTPResponseError, CustomStringConvertible {
    public var status: Int
    public var message: String
    public var headers: [(String, String)]

    public init(_ status: Int, _ message: String, headers: [(String, String)] = []) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "HTTP \(status): \(message)" }

    public func response(requestID: String) -> HTTPResponse {
        .json(status, .object([("error", .string(message)), ("request_id", .string(requestID))]), headers: headers)
    }
}

/// One problem in a request body, in the shape FastAPI/pydantic reports.
public struct ValidationIssue: Sendable, Equatable {
    /// pydantic error type: `missing`, `string_type`, `list_type`, `int_type`, `json_invalid`,
    /// `string_too_long`, `string_too_short`, `string_pattern_mismatch`, `dict_type`, `too_long`, `value_error`.
    public var type: String
    /// Path to the offending value, starting with `"body"`; list indexes are integers.
    public var location: [JSONValue]
    public var message: String
    public var input: JSONValue
    public var context: JSONValue?

    public init(type: String, location: [JSONValue], message: String, input: JSONValue, context: JSONValue? = nil) {
        self.type = type
        self.location = location
        self.message = message
        self.input = input
        self.context = context
    }
}

/// A 422 answer listing every validation problem:
/// `{"detail": [{"type": "missing", "loc": ["body", "user_id"], "msg": "Field required", "input": {...}}]}`.
public struct ValidationError: HTTPResponseError, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    public var status: Int { 422 }

    public var description: String {
        issues.map { "\($0.type) at \($0.location.map { $0.stringValue ?? String($0.integerValue ?? 0) }.joined(separator: "."))" }
            .joined(separator: "; ")
    }

    public func response(requestID: String) -> HTTPResponse {
        let detail: [JSONValue] = issues.map { issue in
            var members: [(String, JSONValue)] = [
                ("type", .string(issue.type)), ("loc", .array(issue.location)), ("msg", .string(issue.message)),
                ("input", issue.input.wrappingNonFiniteNumbers()),
            ]
            if let context = issue.context { members.append(("ctx", context)) }
            return .object(members)
        }
        return .json(422, .object([("detail", .array(detail))]), headers: [("X-Request-ID", requestID)])
    }
}
