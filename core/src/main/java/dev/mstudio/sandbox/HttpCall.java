package dev.mstudio.sandbox;

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
final class HttpCall {

    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpExchange exchange;
    private final String requestId;
    private final List<String> segments;
    private final String body;
    private Map<String, String> query;
    private Map<String, String> vars = Map.of();

    HttpCall(HttpExchange exchange, String requestId) throws IOException {
        this.exchange = exchange;
        this.requestId = requestId;
        this.segments = split(exchange.getRequestURI().getRawPath());
        this.body = readBody(exchange.getRequestBody());
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

    private static String readBody(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    String requestId() {
        return requestId;
    }

    /** The method exactly as sent: methods are case-sensitive, so {@code get} is not {@code GET}. */
    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    List<String> segments() {
        return segments;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String body() {
        return body;
    }

    void vars(Map<String, String> pathVariables) {
        this.vars = Map.copyOf(pathVariables);
    }

    /** A path variable such as {@code job_id}. */
    String var(String name) {
        return vars.get(name);
    }

    /** A query parameter, decoded; absent or blank values are {@code null}. */
    String param(String name) {
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
    ObjectNode jsonObject(boolean required) {
        if (body != null && body.length() > MAX_BODY_BYTES) {
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
