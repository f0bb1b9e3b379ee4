package dev.mstudio.sandbox.control;

import java.time.Instant;

/**
 * One {@code /api/v1} request as the sandbox saw it; the API key itself is never kept.
 *
 * @param time             when the request was answered (sandbox clock)
 * @param method           HTTP method
 * @param path             request path, e.g. {@code /api/v1/fine-tunes/ft-202410291653-1c7f}
 * @param query            raw query string, or {@code null}
 * @param template         the matched path template, e.g. {@code /api/v1/fine-tunes/{job_id}}
 * @param workspace        the {@code X-DashScope-WorkSpace} header, or {@code null}
 * @param hasAuthorization whether an {@code Authorization} header was sent
 * @param body             the request body as text ({@code null} when empty)
 * @param status           the HTTP status answered
 * @param requestId        the {@code request_id} of the answer
 */
public record RecordedRequest(Instant time, String method, String path, String query, String template,
                              String workspace, boolean hasAuthorization, String body, int status,
                              String requestId) {
}
