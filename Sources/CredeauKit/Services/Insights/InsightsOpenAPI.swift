/// The OpenAPI 3 document of the Insights API, served at `GET /openapi.json`.
enum InsightsOpenAPI {
    static let document = """
        {"openapi": "3.0.3",
         "info": {"title": "credeau Insights API", "version": "\(CredeauVersion.current)",
           "description": "Features (insights) of one user's synced phone data, for lenders' backends. Client endpoints need the x-client-id and x-auth-token headers of a row in the clients table."},
         "paths": {
          "/api/insights": {"post": {"summary": "Compute a user's features now",
            "parameters": [{"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/AuthToken"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InsightsRequest"}}}},
            "responses": {"200": {"description": "Features, or message 'user not found' when nothing was synced for the user", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InsightsAnswer"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}, "422": {"$ref": "#/components/responses/Invalid"},
              "429": {"$ref": "#/components/responses/TooMany"}, "503": {"$ref": "#/components/responses/Unavailable"}}}},
          "/api/async_insights": {"post": {"summary": "Start or poll a background feature computation",
            "description": "The first call stores a job and answers 202. Polls with the same body answer 202 until the job is done, then 200 with the answer of /api/insights. Any replica may answer a poll.",
            "parameters": [{"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/AuthToken"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InsightsRequest"}}}},
            "responses": {"200": {"description": "The finished answer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InsightsAnswer"}}}},
              "202": {"description": "Still running", "content": {"application/json": {"schema": {"type": "object", "properties": {"user_id": {"type": "string"}, "request_id": {"type": "string"}, "message": {"type": "string", "enum": ["featurization in progress"]}}}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}, "422": {"$ref": "#/components/responses/Invalid"},
              "429": {"$ref": "#/components/responses/TooMany"}, "503": {"$ref": "#/components/responses/Unavailable"}}}},
          "/api/fetch_extracted_data": {"post": {"summary": "List a user's extracted SMS, newest first",
            "parameters": [{"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/AuthToken"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["user_id", "client_id"],
              "properties": {"user_id": {"type": "string", "minLength": 1, "maxLength": 64}, "client_id": {"type": "string"}, "cnt_sms_threshold": {"type": "integer", "minimum": 0, "description": "Most entries returned; all when absent"}}}}}},
            "responses": {"200": {"description": "Entries; an empty list when nothing was extracted", "content": {"application/json": {"schema": {"type": "object", "properties": {"extracted_sms_data": {"type": "array", "items": {"type": "object", "description": "One extracted SMS entry"}}}}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}, "422": {"$ref": "#/components/responses/Invalid"},
              "429": {"$ref": "#/components/responses/TooMany"}}}},
          "/health": {"get": {"summary": "Liveness", "responses": {"200": {"description": "The process can serve"}}}},
          "/ready": {"get": {"summary": "Readiness: the databases answer", "responses": {"200": {"description": "Ready"}, "503": {"description": "A database is unreachable"}}}},
          "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": {"description": "Text exposition format 0.0.4"}}}}
         },
         "components": {
          "parameters": {
           "ClientID": {"name": "x-client-id", "in": "header", "required": true, "schema": {"type": "string"}},
           "AuthToken": {"name": "x-auth-token", "in": "header", "required": true, "schema": {"type": "string"}}},
          "schemas": {
           "InsightsRequest": {"type": "object", "required": ["user_id", "client_id"], "properties": {
             "user_id": {"type": "string", "minLength": 1, "maxLength": 64},
             "client_id": {"type": "string", "description": "Must equal the x-client-id header"},
             "groupings": {"type": "array", "minItems": 1, "items": {"type": "string", "enum": ["sms", "fraud", "extracted_sms", "scores"]}, "description": "Feature groupings; all when absent. 'scores' only when score models are configured."},
             "cutoff_date": {"type": "string", "description": "Use only data up to this India-time date (YYYY-MM-DD, the whole day) or time (YYYY-MM-DD HH:MM:SS); now when absent"}}},
           "InsightsAnswer": {"type": "object", "required": ["user_id", "request_id", "data_requested_time", "data_processed_time", "message"], "properties": {
             "user_id": {"type": "string"}, "request_id": {"type": "string"},
             "data_requested_time": {"type": "string", "description": "YYYY-MM-DD HH:MM:SS, India time"},
             "data_processed_time": {"type": "string", "description": "YYYY-MM-DD HH:MM:SS, India time"},
             "message": {"type": "string", "enum": ["featurization completed", "user not found"]}},
             "additionalProperties": {"nullable": true, "description": "One key per feature (see docs/features.md): number, string or null"}},
           "Error": {"type": "object", "properties": {"error": {"type": "string"}, "request_id": {"type": "string"}}}},
          "responses": {
           "Unauthorized": {"description": "Missing or wrong x-client-id / x-auth-token, or body client_id differs from the header", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
           "Invalid": {"description": "Invalid body, FastAPI/pydantic shape: {\\"detail\\": [{\\"type\\", \\"loc\\", \\"msg\\", \\"input\\"}]}"},
           "TooMany": {"description": "Over the per-address limit; see Retry-After", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
           "Unavailable": {"description": "A database or the SMS Extraction API is unavailable; no partial answer. See Retry-After", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
        }
        """
}
