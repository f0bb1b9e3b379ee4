package dev.mstudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the JDK server would answer with an HTML page, or not at all, over raw sockets. */
class SandboxMalformedRequestTest {

    private static final String HEADERS = "Host: sandbox\r\nAuthorization: Bearer sk-test\r\n";
    /** The longest request line served (the README's 16 KiB); a longer one is answered 414. */
    private static final int MAX_REQUEST_LINE = 16 * 1024;

    /** One raw answer, split at the blank line. */
    private record RawResponse(int status, String head, String body) {
        JsonNode json() throws IOException {
            return SandboxHttp.MAPPER.readTree(body);
        }
    }

    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(new ManualClock()).random(17).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/fine-tunes/%zz", "/api/v1/fine-tunes?status=%zz", "/api/v1/fine-tunes?status=%4",
            "/api/v1/fine-tunes/[1]", "/api/v1/fine-tunes?status=[RUNNING]", "/api/v1/fine-tunes/a%20b|c",
            "/_sandbox/stats?x=%zz", "*"})
    void badUrl_isInvalidParameterJson(String target) throws IOException {
        RawResponse response = exchange("GET " + target + " HTTP/1.1\r\n" + HEADERS + "\r\n");

        assertJsonError(response, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/fine-tunes\r\n", "GET  /api/v1/fine-tunes HTTP/1.1\r\n",
            "G(T /api/v1/fine-tunes HTTP/1.1\r\n", "GET /api/v1/fine-tunes HTTP/2.0\r\n"})
    void badRequestLine_isInvalidParameterJson(String requestLine) throws IOException {
        assertJsonError(exchange(requestLine + HEADERS + "\r\n"), 400);
    }

    @Test
    void megabyteUrl_is414Json() throws IOException {
        String url = "/api/v1/fine-tunes?model=" + "a".repeat(1 << 20);

        RawResponse response = exchange("GET " + url + " HTTP/1.1\r\n" + HEADERS + "\r\n");

        assertJsonError(response, 414);
    }

    @Test
    void urlJustUnderTheLimit_isServed() throws IOException {
        String prefix = "GET /api/v1/fine-tunes?model=";
        String line = prefix + "a".repeat(MAX_REQUEST_LINE - prefix.length() - " HTTP/1.1".length());

        RawResponse response = exchange(line + " HTTP/1.1\r\n" + HEADERS + "Connection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("output").get("total").asInt()).isZero();
    }

    @Test
    void manyHeaders_is431Json() throws IOException {
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            flood.append("X-Flood-").append(i).append(": v\r\n");
        }

        assertJsonError(exchange("GET /api/v1/fine-tunes HTTP/1.1\r\n" + HEADERS + flood + "\r\n"), 431);
    }

    @Test
    void hugeHeader_is431Json() throws IOException {
        String header = "X-Huge: " + "v".repeat(1 << 20) + "\r\n";

        assertJsonError(exchange("GET /api/v1/fine-tunes HTTP/1.1\r\n" + HEADERS + header + "\r\n"), 431);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Header: x\r\n", " folded: x\r\n", "no-colon\r\n", "Content-Length: -1\r\n",
            "Content-Length: 2\r\nContent-Length: 3\r\n", "Transfer-Encoding: gzip\r\n"})
    void malformedHeader_isInvalidParameterJson(String header) throws IOException {
        assertJsonError(exchange("GET /api/v1/fine-tunes HTTP/1.1\r\n" + HEADERS + header + "\r\n"), 400);
    }

    @Test
    void keepAlive_goodThenBadRequest_answersBothInOrder() throws IOException {
        String good = "POST /_sandbox/seed HTTP/1.1\r\n" + HEADERS + "Content-Length: 15\r\n\r\n{\"finetunes\":2}";
        String bad = "GET /api/v1/fine-tunes/%zz HTTP/1.1\r\n" + HEADERS + "\r\n";

        List<RawResponse> responses = split(send(good + bad));

        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).status()).isEqualTo(200);
        assertThat(responses.get(0).json().get("total_finetunes").asInt()).isEqualTo(2);
        assertJsonError(responses.get(1), 400);
    }

    private static void assertJsonError(RawResponse response, int status) throws IOException {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.head()).containsIgnoringCase("Content-Type: application/json");
        JsonNode json = response.json();
        assertThat(json.get("request_id").asText()).matches(SandboxFixtures.UUID);
        assertThat(json.get("code").asText()).isEqualTo("InvalidParameter");
        assertThat(json.get("message").asText()).isNotBlank();
    }

    private RawResponse exchange(String request) throws IOException {
        List<RawResponse> responses = split(send(request));
        assertThat(responses).hasSize(1);
        return responses.get(0);
    }

    /** Writes the request, then reads until the sandbox closes the connection. */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Splits back-to-back answers, each framed by its Content-Length. */
    private static List<RawResponse> split(String raw) {
        List<RawResponse> out = new ArrayList<>();
        int at = 0;
        while (at < raw.length()) {
            int blank = raw.indexOf("\r\n\r\n", at);
            String head = raw.substring(at, blank);
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
            int status = Integer.parseInt(head.substring(9, 12));
            out.add(new RawResponse(status, head, raw.substring(blank + 4, blank + 4 + length)));
            at = blank + 4 + length;
        }
        return out;
    }
}
