package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.testkit.ManualClock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ignore_status_filter}: the fine-tune list then ignores {@code status}, as the real service may. */
class SandboxStatusFilterSwitchTest {

    private Sandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(new ManualClock()).random(31).build().start().seed(20, 30, 0.5);
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void ignoreStatusFilter_on_listsEveryFineTuneWhateverTheStatus() {
        int running = http.get(FINE_TUNES + "?status=RUNNING").output().get("total").asInt();

        SandboxHttp.Response set = http.post("/_sandbox/faults", "{\"ignore_status_filter\":true}");
        JsonNode ignored = http.get(FINE_TUNES + "?status=RUNNING&page_size=100").output();
        JsonNode imports = http.get(IMPORTS + "?status=RUNNING&page_size=100").output();

        assertThat(running).isBetween(1, 29);
        assertThat(set.json().get("ignore_status_filter").asBoolean()).isTrue();
        assertThat(http.get("/_sandbox/faults").json().get("ignore_status_filter").asBoolean()).isTrue();
        assertThat(sandbox.faults().ignoreStatusFilter()).isTrue();
        assertThat(ignored.get("total").asInt()).isEqualTo(30);
        assertThat(statuses(ignored.get("jobs"))).contains("RUNNING", "SUCCEEDED");
        assertThat(statuses(imports.get("list"))).containsOnly("RUNNING");
    }

    @Test
    void faults_withoutTheField_turnTheSwitchOffAgain() {
        http.post("/_sandbox/faults", "{\"ignore_status_filter\":true}");

        http.post("/_sandbox/faults", "{\"latency_ms\":0}");

        assertThat(sandbox.faults()).isEqualTo(Faults.NONE);
        assertThat(statuses(http.get(FINE_TUNES + "?status=RUNNING&page_size=100").output().get("jobs")))
                .containsOnly("RUNNING");
        assertThat(http.post("/_sandbox/faults", "{\"ignore_status_filter\":\"yes\"}").code()).isEqualTo("InvalidParameter");
    }

    private static Set<String> statuses(JsonNode jobs) {
        Set<String> out = new HashSet<>();
        jobs.forEach(job -> out.add(job.get("status").asText()));
        return out;
    }
}
