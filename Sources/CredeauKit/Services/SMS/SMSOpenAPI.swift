/// The OpenAPI 3.0 description of the SMS Extraction API, served at `GET /openapi.json`.
/// docs/api.md describes the same contract in prose; change both together.
enum SMSOpenAPI {
    static func document(maxSMSCount: Int) -> String {
        """
        {"openapi": "3.0.3",
         "info": {"title": "credeau SMS Extraction API", "version": "\(CredeauVersion.current)",
                  "description": "Classifies a batch of one user's SMS and extracts transaction fields. Entries are stored in extracted_sms, keyed by client_id, user_id and sms_id."},
         "paths": {
          "/api/extract_sms": {"post": {
            "summary": "Extract a batch of SMS",
            "description": "Returns one entry per SMS, in input order. At most \(maxSMSCount) SMS per request (MAX_SMS_COUNT). The body may be sent gzip-compressed with Content-Encoding: gzip.",
            "requestBody": {"required": true, "description": "JSON. A credeau extension: with Content-Type application/bson the body is one BSON document with the same fields (sms_inbox_date may also be a BSON int32, int64 or datetime); any other Content-Type is read as JSON", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExtractSMSRequest"}}, "application/bson": {"schema": {"$ref": "#/components/schemas/ExtractSMSRequest"}}}},
            "responses": {
              "200": {"description": "Every SMS extracted and stored. A credeau extension: when the Accept header names application/bson with a weight above 0 and no lower than that of application/json, the same document comes as BSON, with amounts as int64 when whole and double otherwise. With the media type parameter omit on that application/bson range, naming one column (omit=sms_body) or a quoted list separated by commas or spaces (omit=\\\"sms_body,user_id\\\"), the entries leave out those columns and the Content-Type names them the same way. With nulls=absent on that range, members whose value is null are left out too, and the Content-Type ends with ; nulls=absent", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ExtractSMSResponse"}}, "application/bson": {"schema": {"$ref": "#/components/schemas/ExtractSMSResponse"}}}},
              "413": {"description": "More than \(maxSMSCount) SMS, or a body over the byte limit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "415": {"description": "Content-Encoding naming a coding other than gzip, x-gzip or identity, or gzip more than twice", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "422": {"description": "Invalid JSON or UTF-8, an invalid BSON document (type bson_invalid), missing fields, wrong types", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}}},
              "503": {"description": "The database is unavailable; nothing was stored. Retry after the Retry-After seconds", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            }}},
          "/health": {"get": {"summary": "Liveness", "responses": {"200": {"description": "The process is serving", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}}}},
          "/ready": {"get": {"summary": "Readiness: the database answers", "responses": {
            "200": {"description": "Ready", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}},
            "503": {"description": "The database is unreachable", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}}}}},
          "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "Prometheus text format 0.0.4", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
          "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 JSON", "content": {"application/json": {"schema": {"type": "object"}}}}}}}
         },
         "components": {"schemas": {
          "ExtractSMSRequest": {"type": "object", "required": ["client_id", "user_id", "sms"], "properties": {
            "client_id": {"type": "string", "minLength": 1, "maxLength": 128},
            "user_id": {"type": "string", "minLength": 1, "maxLength": 128},
            "request_id": {"type": "string", "maxLength": 128, "nullable": true, "description": "Copied into every entry; the server's X-Request-ID when absent"},
            "sms": {"type": "array", "maxItems": \(maxSMSCount), "items": {"$ref": "#/components/schemas/SMS"}}}},
          "SMS": {"type": "object", "required": ["sms_id", "sms_body", "sms_inbox_date"], "properties": {
            "sms_id": {"oneOf": [{"type": "string", "minLength": 1, "maxLength": 128}, {"type": "integer"}], "description": "Unique per user; a number is kept as its decimal text"},
            "sms_sender": {"type": "string", "maxLength": 128, "nullable": true, "description": "DLT header such as VM-HDFCBK-S, or a phone number"},
            "sms_body": {"type": "string"},
            "sms_inbox_date": {"oneOf": [{"type": "integer", "description": "Epoch milliseconds"}, {"type": "string", "description": "YYYY-MM-DD HH:MM:SS (India time) or ISO 8601 with an offset"}]}}},
          "ExtractSMSResponse": {"type": "object", "required": ["request_id", "extracted_sms_data"], "properties": {
            "request_id": {"type": "string"},
            "extracted_sms_data": {"type": "array", "items": {"$ref": "#/components/schemas/ExtractedSMS"}}}},
          "ExtractedSMS": {"type": "object", "description": "Dates are India time, YYYY-MM-DD HH:MM:SS. Fields the SMS does not carry are null.", "properties": {
            "sms_id": {"type": "string"}, "user_id": {"type": "string"}, "client_id": {"type": "string"}, "request_id": {"type": "string"},
            "sms_sender": {"type": "string", "description": "Normalised bare header in lower case, or the phone number's digits"},
            "sms_inbox_date": {"type": "string", "nullable": true}, "sms_body": {"type": "string"},
            "created_at": {"type": "string"}, "created_date": {"type": "string", "description": "YYYY-MM-DD"},
            "template_hash": {"type": "string"}, "is_classified": {"type": "boolean"}, "is_extracted": {"type": "boolean"}, "is_transactional": {"type": "boolean"},
            "sender_name": {"type": "string", "nullable": true}, "sender_type": {"type": "string"},
            "sms_type": {"type": "string"}, "sms_sub_type": {"type": "string", "nullable": true}, "sms_nlp_tag": {"type": "string"},
            "transaction_type": {"type": "string", "enum": ["debit-transaction", "credit-transaction"], "nullable": true},
            "transaction": {"type": "number", "nullable": true, "description": "Amount in rupees"},
            "account_last_digits": {"type": "string", "nullable": true}, "transaction_party": {"type": "string", "nullable": true},
            "unique_pan": {"type": "string", "nullable": true, "description": "<sender_type> | <sender_name> | <last two account digits or -1>"},
            "available_balance": {"type": "number", "nullable": true}, "outstanding_amount": {"type": "number", "nullable": true},
            "reference_number": {"type": "string", "nullable": true}, "transaction_channel": {"type": "string", "nullable": true},
            "due_amount": {"type": "number", "nullable": true}, "due_date": {"type": "string", "nullable": true, "description": "YYYY-MM-DD"},
            "account_type": {"type": "string", "nullable": true}}},
          "Status": {"type": "object", "properties": {"status": {"type": "string"}, "error": {"type": "string"}}},
          "Error": {"type": "object", "required": ["error", "request_id"], "properties": {"error": {"type": "string"}, "request_id": {"type": "string"}}},
          "ValidationError": {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "array", "items": {"type": "object", "required": ["type", "loc", "msg", "input"], "properties": {
            "type": {"type": "string", "description": "missing, string_type, list_type, json_invalid, bson_invalid, string_too_long, string_pattern_mismatch, datetime_parsing ..."},
            "loc": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "integer"}]}},
            "msg": {"type": "string"}, "input": {}, "ctx": {"type": "object"}}}}}}
         }}}
        """
    }
}
