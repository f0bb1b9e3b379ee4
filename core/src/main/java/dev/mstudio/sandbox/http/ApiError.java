package dev.mstudio.sandbox.http;

import java.util.Map;

/** An API failure answered as {@code {"request_id","code","message"}} with an HTTP status. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    ApiError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    private ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiError invalid(String message) {
        return new ApiError(400, "InvalidParameter", message);
    }

    public static ApiError unsupported(String message) {
        return new ApiError(400, "UnsupportedOperation", message);
    }

    public static ApiError denied(String message) {
        return new ApiError(400, "OperationDenied", message);
    }

    static ApiError invalidApiKey() {
        return new ApiError(401, "InvalidApiKey", "Invalid API-key provided.");
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NotFound", message);
    }

    static ApiError methodNotAllowed(String method, String template, String allowed) {
        return new ApiError(405, "UnsupportedOperation",
                "Method " + method + " is not supported for " + template + "; use " + allowed + ".",
                Map.of("Allow", allowed));
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, "Conflict", message);
    }

    public static ApiError throttled(String message, int retryAfterSeconds) {
        return new ApiError(429, "Throttling", message,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ApiError internal() {
        return new ApiError(500, "InternalError", "Internal server error!");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
