package dev.mstudio.client;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The service answered with an error. Carries the HTTP status, the service's {@code code},
 * {@code message} and {@code request_id} (each may be null when the body did not say).
 * Classification ({@link #isThrottling()}, {@link #isServerError()}) decides on the {@code code}
 * first and falls back to the HTTP status only when the code is absent or unknown.
 */
public final class ApiException extends RuntimeException {
    /** Documented codes that are never transient, whatever HTTP status they arrive with. */
    private static final Set<String> PERMANENT_CODES = Set.of("InvalidParameter", "UnsupportedOperation",
            "OperationDenied", "InvalidApiKey", "NotFound", "Conflict", "AccessDenied");
    private static final Set<Integer> SERVER_ERROR_STATUSES = Set.of(500, 502, 503, 504);

    private final int httpStatus;
    private final String code;
    private final String requestId;
    private final Duration retryAfter;

    public ApiException(int httpStatus, String code, String message, String requestId) {
        this(httpStatus, code, message, requestId, null);
    }

    ApiException(int httpStatus, String code, String message, String requestId, Duration retryAfter) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }

    /** How long the service asked us to wait (its Retry-After header), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Rate or resource limit: code Throttling (or Throttling.*), else HTTP 429 with an unknown code. */
    public boolean isThrottling() {
        if (code != null && code.startsWith("Throttling")) {
            return true;
        }
        return !knownCode() && httpStatus == 429;
    }

    /** Transient server trouble: code InternalError (or InternalError.*), else HTTP 500/502/503/504. */
    public boolean isServerError() {
        if (code != null && code.startsWith("InternalError")) {
            return true;
        }
        return !knownCode() && SERVER_ERROR_STATUSES.contains(httpStatus);
    }

    /**
     * One line for people: "NotFound: Not Found! (HTTP 404, request_id abc)"; without a code, just
     * the message and the status (front ends add their own "Error: ").
     */
    public String describe() {
        StringBuilder line = new StringBuilder();
        if (code != null) {
            line.append(code).append(": ");
        }
        line.append(getMessage());
        line.append(" (HTTP ").append(httpStatus);
        if (requestId != null) {
            line.append(", request_id ").append(requestId);
        }
        return line.append(')').toString();
    }

    @Override
    public String toString() {
        return "ApiException{" + describe() + "}";
    }

    private boolean knownCode() {
        return code != null && (PERMANENT_CODES.contains(code)
                || code.startsWith("Throttling") || code.startsWith("InternalError"));
    }
}
