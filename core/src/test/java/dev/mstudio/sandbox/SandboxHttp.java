package dev.mstudio.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A small java.net.http client for the sandbox on 127.0.0.1, as a test sees it. */
final class SandboxHttp {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** A parsed answer. */
    record Response(int status, JsonNode json, HttpHeaders headers) {
        JsonNode output() {
            return json.get("output");
        }

        String code() {
            return json.path("code").asText(null);
        }

        String message() {
            return json.path("message").asText(null);
        }
    }

    private final URI root;
    private final String apiKey;
    private final List<String> extraHeaders = new ArrayList<>();

    SandboxHttp(Sandbox sandbox) {
        this(sandbox, "sk-test-key");
    }

    SandboxHttp(Sandbox sandbox, String apiKey) {
        this.root = sandbox.root();
        this.apiKey = apiKey;
    }

    SandboxHttp header(String name, String value) {
        extraHeaders.add(name);
        extraHeaders.add(value);
        return this;
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String json) {
        return send("POST", path, json);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String body) {
        return parse(await(CLIENT.sendAsync(request(method, path, body, Duration.ofSeconds(20)),
                HttpResponse.BodyHandlers.ofString())));
    }

    /** Sends without waiting, with a request timeout, for fault tests. */
    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, Duration timeout) {
        return CLIENT.sendAsync(request(method, path, null, timeout), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        for (int i = 0; i < extraHeaders.size(); i += 2) {
            builder.header(extraHeaders.get(i), extraHeaders.get(i + 1));
        }
        return builder.build();
    }

    private static HttpResponse<String> await(CompletableFuture<HttpResponse<String>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static Response parse(HttpResponse<String> response) {
        try {
            return new Response(response.statusCode(), MAPPER.readTree(response.body()), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String json(Object... keysAndValues) {
        var node = MAPPER.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
        }
        return node.toString();
    }
}
