package dev.mstudio.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One HTTP request, read once: method, path segments, query parameters and body text. */
public final class HttpCall {

    static final int MAX_BODY_BYTES = 1 << 20;
    /** The largest multipart body (file uploads) read: the sandbox keeps files in memory. */
    public static final int MAX_UPLOAD_BYTES = 64 << 20;

    private final HttpExchange exchange;
    private final String requestId;
    private final List<String> segments;
    private final byte[] bytes;
    private String body;
    private Map<String, String> query;
    private Map<String, String> vars = Map.of();

    HttpCall(HttpExchange exchange, String requestId) throws IOException {
        this.exchange = exchange;
        this.requestId = requestId;
        this.segments = split(exchange.getRequestURI().getRawPath());
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        this.bytes = readBody(exchange.getRequestBody(), multipart ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES);
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String part : (path == null ? "" : path).split("/")) {
            if (!part.isEmpty()) {
                out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(out);
    }

    private static byte[] readBody(InputStream in, int max) throws IOException {
        try (in) {
            return in.readNBytes(max + 1);
        }
    }

    public String requestId() {
        return requestId;
    }

    /** The method exactly as sent: methods are case-sensitive, so {@code get} is not {@code GET}. */
    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    public List<String> segments() {
        return segments;
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body as UTF-8 text; null when empty. */
    public String body() {
        if (body == null && bytes.length > 0) {
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return body;
    }

    /** The body's bytes as read (at most one more than the limit: more means too large). */
    public byte[] bytes() {
        return bytes;
    }

    void vars(Map<String, String> pathVariables) {
        this.vars = Map.copyOf(pathVariables);
    }

    /** A path variable such as {@code job_id}. */
    public String var(String name) {
        return vars.get(name);
    }

    /** A query parameter, decoded; absent or blank values are {@code null}. */
    public String param(String name) {
        if (query == null) {
            query = parseQuery(rawQuery());
        }
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("The query string is not correctly URL-encoded: " + text);
        }
    }

    /**
     * The body as a JSON object.
     *
     * @param required whether an empty body is an error (otherwise it reads as {@code {}})
     */
    public ObjectNode jsonObject(boolean required) {
        String body = body();
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiError.invalid("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        if (body == null || body.isBlank()) {
            if (required) {
                throw ApiError.invalid("The request body must be a JSON object.");
            }
            return Json.object();
        }
        JsonNode node = Json.parse(body);
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.invalid("The request body must be a JSON object.");
        }
        return object;
    }
}
