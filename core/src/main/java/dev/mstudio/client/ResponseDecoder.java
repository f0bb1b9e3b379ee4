package dev.mstudio.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.json.JsonTrees;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Turns one HTTP response into a {@link Reply} or an {@link ApiException}. Any non-2xx, and any
 * 2xx whose body has a {@code code} but no {@code output}, is an API error; an empty, non-JSON or
 * truncated body is reported in plain words with a short, key-free excerpt, never as a parser trace.
 * A body cut off mid-stream is an {@link IOException}. A body larger than {@link #MAX_BODY_BYTES}
 * is refused once that many bytes have arrived (or at once, when its length is declared): never
 * buffered whole.
 */
final class ResponseDecoder {
    /** 16 MiB: the API's answers are a few kilobytes; a bigger body is not DashScope talking. */
    static final long MAX_BODY_BYTES = 16L << 20;
    private static final int EXCERPT_LENGTH = 120;

    private final Clock clock;
    private final String apiKey;
    private final long maxBodyBytes;

    ResponseDecoder(Clock clock, String apiKey) {
        this(clock, apiKey, MAX_BODY_BYTES);
    }

    ResponseDecoder(Clock clock, String apiKey, long maxBodyBytes) {
        this.clock = clock;
        this.apiKey = apiKey;
        this.maxBodyBytes = maxBodyBytes;
    }

    Reply decode(Response response) throws IOException {
        String url = Urls.redact(response.request().url());
        int status = response.code();
        String body = readBody(response, url, status);
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        if (response.isRedirect()) {
            throw unexpected(url, status, "redirected to " + Urls.redact(response.header("Location"))
                    + " (point the base URL there instead)", null, retryAfter);
        }
        JsonNode root;
        try {
            root = parse(body);
        } catch (BodyProblem problem) {
            throw unexpected(url, status, problem.getMessage() + excerpt(body), null, retryAfter);
        }
        String requestId = JsonFields.text(root, "request_id");
        JsonNode output = JsonFields.field(root, "output");
        output = output != null ? output : JsonFields.field(root, "data"); // the file endpoints answer with data
        if (response.isSuccessful() && output != null) {
            return new Reply(output, requestId, status, url);
        }
        String code = JsonFields.text(root, "code");
        String message = JsonFields.text(root, "message");
        if (code != null || message != null) {
            String text = message != null ? redact(message) : "(no message) from " + url;
            throw new ApiException(status, code, text, requestId, retryAfter);
        }
        String missing = response.isSuccessful() ? "body has no output" : "body has no error code";
        throw unexpected(url, status, missing + excerpt(body), requestId, retryAfter);
    }

    /** "Retry-After: 7" or an HTTP date, as a wait from now on the clock; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String readBody(Response response, String url, int status) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return "";
        }
        try {
            long declared = body.contentLength();
            BufferedSource source = body.source();
            if (declared > maxBodyBytes || source.request(maxBodyBytes + 1)) {
                throw unexpected(url, status, "the body is larger than " + size(maxBodyBytes)
                        + ", the most mstudio reads", null, null);
            }
            return body.string();
        } catch (IOException e) {
            String why = e instanceof SocketTimeoutException ? "no more data came in time" : "the connection closed";
            throw new TransportErrors.ReadableAlready("The answer from " + url + " (HTTP " + status
                    + ") was cut off before its end: " + why, e);
        }
    }

    private static String size(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    private static JsonNode parse(String body) throws BodyProblem {
        if (body.isBlank()) {
            throw new BodyProblem("body is empty");
        }
        JsonNode root;
        try {
            root = JsonTrees.read(body);
        } catch (JsonEOFException e) {
            throw new BodyProblem("body is truncated JSON");
        } catch (JsonProcessingException e) {
            throw new BodyProblem("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BodyProblem("body is not a JSON object");
        }
        return root;
    }

    private ApiException unexpected(String url, int status, String problem, String requestId, Duration retryAfter) {
        return new ApiException(status, null, Reply.unexpectedMessage(url, status, problem), requestId, retryAfter);
    }

    /** ' ("first characters of the body...")', or nothing for a blank body. */
    private String excerpt(String body) {
        String flat = redact(body).replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "";
        }
        return " (\"" + (flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "...") + "\")";
    }

    private String redact(String text) {
        return Secrets.redact(text, apiKey);
    }

    /** Why a body could not be read as a JSON object; the message is meant for people. */
    private static final class BodyProblem extends Exception {
        BodyProblem(String message) {
            super(message, null, false, false);
        }
    }
}
