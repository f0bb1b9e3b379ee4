package dev.mstudio.client;

/**
 * The service answered with an error. Carries the HTTP status, the service's {@code code},
 * {@code message} and {@code request_id} (each may be null when the body did not say).
 */
public final class ApiException extends RuntimeException {
    private final int httpStatus;
    private final String code;
    private final String requestId;

    public ApiException(int httpStatus, String code, String message, String requestId) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
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

    /** One line for people: "NotFound: Not Found! (HTTP 404, request_id abc)". */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(code == null ? "Error" : code).append(": ").append(getMessage());
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
}
