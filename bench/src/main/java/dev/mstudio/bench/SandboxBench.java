package dev.mstudio.bench;

import dev.mstudio.sandbox.Sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the sandbox: start-up (builder to first answered request) and paging through
 * 100,000 seeded jobs at page_size 100 over loopback. Not a test; run it with
 * {@code java -cp core/target/classes:core/target/test-classes:$(cat /tmp/cp.txt) dev.mstudio.sandbox.SandboxBench}.
 */
public final class SandboxBench {

    private static final int STARTS = 15;
    private static final int PER_KIND = 50_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        measureStarts();
        measurePaging();
    }

    /** Builder -> start -> first answered request, over a plain socket so no client start-up is counted. */
    private static void measureStarts() throws IOException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long begin = System.nanoTime();
            try (Sandbox sandbox = Sandbox.builder().build().start()) {
                int status = firstRequest(sandbox.port());
                millis.add((System.nanoTime() - begin) / 1e6);
                if (status != 200) {
                    throw new IllegalStateException("first request answered " + status);
                }
            }
        }
        double cold = millis.get(0);
        List<Double> warm = new ArrayList<>(millis.subList(1, millis.size()));
        Collections.sort(warm);
        System.out.printf("start (builder -> start -> first answered request, raw socket client)%n");
        System.out.printf("  first (cold JVM): %8.1f ms%n", cold);
        System.out.printf("  median of next %d: %6.1f ms   (min %.1f, max %.1f)%n", warm.size(),
                warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1));
    }

    private static int firstRequest(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/custom_models/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer sk-bench\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private static void measurePaging() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        try (Sandbox sandbox = Sandbox.builder().clock(fixed).random(2024).build().start()) {
            long begin = System.nanoTime();
            sandbox.seed(PER_KIND, PER_KIND, 0.3);
            System.out.printf("%nseed %,d jobs (%,d imports + %,d fine-tunes): %.0f ms%n", 2 * PER_KIND, PER_KIND,
                    PER_KIND, (System.nanoTime() - begin) / 1e6);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = sandbox.baseUrl();
            System.out.println("page through all at page_size=100 via java.net.http over loopback:");
            for (int pass = 1; pass <= 2; pass++) {
                System.out.printf("  pass %d%n", pass);
                walk(client, base + "/custom_models/import", "list", null);
                walk(client, base + "/custom_models/import", "list", "SUCCESSED");
                walk(client, base + "/fine-tunes", "jobs", null);
                walk(client, base + "/fine-tunes", "jobs", "SUCCEEDED");
            }
        }
    }

    private static void walk(HttpClient client, String url, String field, String status) throws Exception {
        long begin = System.nanoTime();
        int requests = 0;
        int seen = 0;
        int total;
        do {
            String query = "?page_size=100&page_no=" + (requests + 1) + (status == null ? "" : "&status=" + status);
            JsonNode output = get(client, url + query);
            total = output.get("total").asInt();
            seen += output.get(field).size();
            requests++;
        } while (seen < total);
        double ms = (System.nanoTime() - begin) / 1e6;
        String label = url.substring(url.indexOf("/api/v1")) + (status == null ? "" : "?status=" + status);
        System.out.printf("    %-48s %,7d jobs %4d requests %8.0f ms total %6.2f ms/request%n",
                label, seen, requests, ms, ms / requests);
    }

    private static JsonNode get(HttpClient client, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer sk-bench").build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return MAPPER.readTree(response.body()).get("output");
    }
}
