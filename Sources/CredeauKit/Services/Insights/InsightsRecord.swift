/// One row the Insights API writes about a request, in the `api_insights_db` tables operators
/// already query.
public enum InsightsRecord: Sendable {
    /// `insights_request_dump` or `fetch_extracted_request_dump`.
    case request(table: RequestTable, requestID: String, userID: String?, clientID: String?, cutoffDate: String?)
    /// `insights_response_dump` or `fetch_extracted_response_dump`; `groupings` only for insights.
    case response(table: RequestTable, requestID: String, userID: String?, clientID: String?, responseJSON: String,
                  secondsToFeaturize: Double, timeJSON: String, groupingsJSON: String?)
    /// `usage`: one row per authenticated request with its status code.
    case usage(requestID: String, clientID: String?, apiName: String, responseCode: Int)
    /// `unauthorized_requests`: a failed authentication, with the token masked.
    case unauthorized(clientID: String?, requestID: String, maskedToken: String?, bodyJSON: String?)

    /// The pair of dump tables of one endpoint.
    public enum RequestTable: Sendable {
        case insights
        case fetchExtracted

        var requestTable: String {
            self == .insights ? "insights_request_dump" : "fetch_extracted_request_dump"
        }

        var responseTable: String {
            self == .insights ? "insights_response_dump" : "fetch_extracted_response_dump"
        }
    }

    public var requestID: String {
        switch self {
        case let .request(_, requestID, _, _, _), let .response(_, requestID, _, _, _, _, _, _),
             let .usage(requestID, _, _, _), let .unauthorized(_, requestID, _, _):
            return requestID
        }
    }

    /// Inserts this record, with its ids cut to the 128 characters of their `varchar(128)` columns.
    func insert(into database: InsightsDatabase) throws {
        let record = fittingColumns()
        switch database {
        case let .postgres(pool): try record.insert(into: pool)
        case let .sqlite(pool): try pool.withDatabase { try record.insert(into: $0) }
        }
    }

    /// Returns the record with every id and short text cut to 128 code points. A client id comes from a
    /// header of any length, and a failed login with a long one was lost: PostgreSQL rejected the
    /// row on every retry.
    func fittingColumns() -> InsightsRecord {
        func fit(_ text: String?) -> String? { text.map(Self.fit) }
        switch self {
        case let .request(table, requestID, userID, clientID, cutoffDate):
            return .request(table: table, requestID: Self.fit(requestID), userID: fit(userID), clientID: fit(clientID),
                            cutoffDate: fit(cutoffDate))
        case let .response(table, requestID, userID, clientID, response, seconds, timeJSON, groupings):
            return .response(table: table, requestID: Self.fit(requestID), userID: fit(userID), clientID: fit(clientID),
                             responseJSON: response, secondsToFeaturize: seconds, timeJSON: timeJSON,
                             groupingsJSON: groupings)
        case let .usage(requestID, clientID, apiName, code):
            return .usage(requestID: Self.fit(requestID), clientID: fit(clientID), apiName: Self.fit(apiName),
                          responseCode: code)
        case let .unauthorized(clientID, requestID, token, body):
            return .unauthorized(clientID: fit(clientID), requestID: Self.fit(requestID), maskedToken: token, bodyJSON: body)
        }
    }

    private static func fit(_ text: String) -> String {
        text.unicodeScalars.count <= 128 ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(128)))
    }

    private func insert(into pool: PostgresPool) throws {
        switch self {
        case let .request(table, requestID, userID, clientID, cutoffDate):
            try pool.query(PostgresQuery(
                sql: "INSERT INTO \(table.requestTable) (request_id, user_id, client_id, cutoff_date) VALUES ($1, $2, $3, $4)",
                parameters: [requestID, userID, clientID, cutoffDate]))
        case let .response(table, requestID, userID, clientID, response, seconds, timeJSON, groupings):
            let groupingsColumn = groupings == nil ? "" : ", groupings"
            let groupingsValue = groupings == nil ? "" : ", $7::json"
            try pool.query(PostgresQuery(
                sql: "INSERT INTO \(table.responseTable) (request_id, user_id, client_id, response_dump, "
                    + "time_to_featurize, time_json\(groupingsColumn)) VALUES ($1, $2, $3, $4::json, $5, $6::json"
                    + "\(groupingsValue))",
                parameters: [requestID, userID, clientID, response, String(seconds), timeJSON] + (groupings.map { [$0] } ?? [])))
        case let .usage(requestID, clientID, apiName, code):
            try pool.query(
                "INSERT INTO usage (request_id, client_id, api_name, response_code) VALUES (\(requestID), \(clientID), \(apiName), \(code))")
        case let .unauthorized(clientID, requestID, token, body):
            try pool.query(
                "INSERT INTO unauthorized_requests (client_id, request_id, auth_token, req_body) VALUES (\(clientID), \(requestID), \(token), \(body)::json)")
        }
    }

    private func insert(into database: SQLiteDatabase) throws {
        func text(_ value: String?) -> SQLiteValue { value.map(SQLiteValue.text) ?? .null }
        switch self {
        case let .request(table, requestID, userID, clientID, cutoffDate):
            try database.query(
                "INSERT INTO \(table.requestTable) (request_id, user_id, client_id, cutoff_date) VALUES (?, ?, ?, ?)",
                [.text(requestID), text(userID), text(clientID), text(cutoffDate)])
        case let .response(table, requestID, userID, clientID, response, seconds, timeJSON, groupings):
            if let groupings {
                try database.query(
                    "INSERT INTO \(table.responseTable) (request_id, user_id, client_id, response_dump, time_to_featurize, "
                        + "time_json, groupings) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [.text(requestID), text(userID), text(clientID), .text(response), .real(seconds), .text(timeJSON),
                     .text(groupings)])
            } else {
                try database.query(
                    "INSERT INTO \(table.responseTable) (request_id, user_id, client_id, response_dump, time_to_featurize, "
                        + "time_json) VALUES (?, ?, ?, ?, ?, ?)",
                    [.text(requestID), text(userID), text(clientID), .text(response), .real(seconds), .text(timeJSON)])
            }
        case let .usage(requestID, clientID, apiName, code):
            try database.query("INSERT INTO usage (request_id, client_id, api_name, response_code) VALUES (?, ?, ?, ?)",
                               [.text(requestID), text(clientID), .text(apiName), .integer(Int64(code))])
        case let .unauthorized(clientID, requestID, token, body):
            try database.query(
                "INSERT INTO unauthorized_requests (client_id, request_id, auth_token, req_body) VALUES (?, ?, ?, ?)",
                [text(clientID), .text(requestID), text(token), text(body)])
        }
    }
}
