package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.testkit.ManualClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HEAD is GET without a body, method names are exact, and a keyed sandbox guards its controls. */
class SandboxMethodRulesTest {

    private Sandbox sandbox;

    private Sandbox start(String apiKey) {
        sandbox = Sandbox.builder().clock(new ManualClock()).random(11).apiKey(apiKey).build().start();
        return sandbox;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void head_everyGetRoute_answersLikeGetWithoutBody() throws Exception {
        start(null).seed(3, 3, 0.5);
        SandboxHttp http = new SandboxHttp(sandbox);
        String ft = jobIds(http.get(FINE_TUNES).output()).get(0);
        String imp = jobIds(http.get(IMPORTS).output()).get(0);
        List<String> paths = List.of(FINE_TUNES, FINE_TUNES + "/" + ft, FINE_TUNES + "/" + ft + "/logs",
                FINE_TUNES + "/" + ft + "/checkpoints", IMPORTS, IMPORTS + "/" + imp, FINE_TUNES + "/nope",
                "/_sandbox/stats", "/_sandbox/faults", "/_sandbox/requests");

        for (String path : paths) {
            HttpResponse<String> get = raw("GET", path, "sk-any");
            HttpResponse<String> head = raw("HEAD", path, "sk-any");

            assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).as(path).isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValue("Content-Length")).as(path).isPresent();
        }
        HttpResponse<String> list = raw("HEAD", FINE_TUNES, "sk-any");
        assertThat(list.headers().firstValueAsLong("Content-Length").orElseThrow())
                .isEqualTo(raw("GET", FINE_TUNES, "sk-any").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void head_withoutKey_isUnauthorizedLikeGet() throws Exception {
        start("sk-right");

        assertThat(raw("HEAD", FINE_TUNES, null).statusCode()).isEqualTo(401);
        assertThat(raw("HEAD", FINE_TUNES, "sk-right").statusCode()).isEqualTo(200);
    }

    @Test
    void method_lowercase_isNotServed() {
        start(null).seed(0, 2, 0.0);
        SandboxHttp http = new SandboxHttp(sandbox);

        SandboxHttp.Response list = http.send("get", FINE_TUNES, null);
        SandboxHttp.Response post = http.send("post", FINE_TUNES, body("qwen3-8b"));
        SandboxHttp.Response control = http.send("get", "/_sandbox/stats", null);

        for (SandboxHttp.Response response : List.of(list, post, control)) {
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.code()).isEqualTo("UnsupportedOperation");
            assertThat(response.json().get("request_id").asText()).matches(UUID);
            assertThat(response.message()).isNotBlank();
        }
        assertThat(http.get(FINE_TUNES).output().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void control_keyedSandbox_requiresTheSameKey() {
        start("sk-right");

        SandboxHttp.Response missing = new SandboxHttp(sandbox, null).get("/_sandbox/stats");
        SandboxHttp.Response wrong = new SandboxHttp(sandbox, "sk-wrong").post("/_sandbox/seed", "{\"finetunes\":5}");
        SandboxHttp.Response right = new SandboxHttp(sandbox, "sk-right").post("/_sandbox/seed", "{\"finetunes\":5}");

        for (SandboxHttp.Response denied : List.of(missing, wrong)) {
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.code()).isEqualTo("InvalidApiKey");
            assertThat(denied.json().get("request_id").asText()).matches(UUID);
        }
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("total_finetunes").asInt()).isEqualTo(5);
    }

    @Test
    void control_unkeyedSandbox_staysOpen() {
        start(null);

        assertThat(new SandboxHttp(sandbox, null).get("/_sandbox/stats").status()).isEqualTo(200);
    }

    private HttpResponse<String> raw(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sandbox.root().resolve(path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return SandboxHttp.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
