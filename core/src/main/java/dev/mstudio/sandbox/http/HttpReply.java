package dev.mstudio.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A response about to be written: HTTP status, JSON body and extra headers. */
public record HttpReply(int status, ObjectNode body, Map<String, String> headers) {

    /** {@code {"request_id": ..., "output": ...}}. */
    static HttpReply ok(String requestId, JsonNode output) {
        ObjectNode body = Json.object().put("request_id", requestId);
        body.set("output", output);
        return new HttpReply(200, body, Map.of());
    }

    /** {@code {"request_id": ..., "data": ...}}: how the file endpoints answer. */
    static HttpReply data(String requestId, JsonNode data) {
        ObjectNode body = Json.object().put("request_id", requestId);
        body.set("data", data);
        return new HttpReply(200, body, Map.of());
    }

    /** {@code {"request_id": ..., <fields>}}: the control API's flat bodies. */
    public static HttpReply flat(String requestId, ObjectNode fields) {
        ObjectNode body = Json.object().put("request_id", requestId);
        body.setAll(fields);
        return new HttpReply(200, body, Map.of());
    }

    /** {@code {"request_id": ..., "code": ..., "message": ...}}. */
    public static HttpReply error(String requestId, ApiError error) {
        ObjectNode body = Json.object()
                .put("request_id", requestId)
                .put("code", error.code())
                .put("message", error.getMessage());
        return new HttpReply(error.status(), body, error.headers());
    }
}
