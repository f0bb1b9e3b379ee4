package dev.mstudio.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful response: its {@code output} node, {@code request_id}, HTTP status and URL (without
 * the query), kept together so that a mapping step can still report where an odd answer came from.
 */
record Reply(JsonNode output, String requestId, int httpStatus, String url) {

    /** An error for an output that does not have the documented shape. */
    ApiException unexpected(String problem) {
        return new ApiException(httpStatus, null, unexpectedMessage(url, httpStatus, problem), requestId);
    }

    /** "Unexpected response from DashScope: PROBLEM (HTTP 200 from URL)". */
    static String unexpectedMessage(String url, int httpStatus, String problem) {
        return "Unexpected response from DashScope: " + problem + " (HTTP " + httpStatus + " from " + url + ")";
    }

    /** The output as a JSON object, or an {@link ApiException} saying what it was instead. */
    JsonNode requireObject(String what) {
        if (output == null || !output.isObject()) {
            throw unexpected("output is not " + what + " (" + (output == null ? "missing" : output.getNodeType()) + ")");
        }
        return output;
    }
}
