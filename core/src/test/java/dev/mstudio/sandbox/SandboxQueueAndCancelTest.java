package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fine-tunes pass through QUEUING before RUNNING, and through CANCELING after a cancel request. */
class SandboxQueueAndCancelTest {

    private final ManualClock clock = new ManualClock();
    private Sandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(clock).random(29).failureRate(0).build().start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void fineTune_lifecycle_showsQueuingBetweenPendingAndRunning() {
        String id = create();

        List<String> seen = statusesUntil(id, "SUCCEEDED", Duration.ofSeconds(5), Duration.ofHours(3));

        assertThat(seen).containsExactly("PENDING", "QUEUING", "RUNNING", "SUCCEEDED");
    }

    @Test
    void fineTune_queuing_isListedAndFilterable() {
        String id = create();
        statusesUntil(id, "QUEUING", Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThat(jobIds(http.get(FINE_TUNES + "?status=QUEUING").output())).containsExactly(id);
        assertThat(http.get(FINE_TUNES + "?status=PENDING").output().get("total").asInt()).isZero();
    }

    @Test
    void cancel_showsCancelingThenCanceled_withEndTimeOnlyAtTheEnd() {
        String id = create();
        statusesUntil(id, "RUNNING", Duration.ofSeconds(5), Duration.ofMinutes(10));

        assertThat(http.post(FINE_TUNES + "/" + id + "/cancel", "").output().get("status").asText()).isEqualTo("success");
        JsonNode canceling = job(id);
        SandboxHttp.Response again = http.post(FINE_TUNES + "/" + id + "/cancel", "");
        SandboxHttp.Response delete = http.delete(FINE_TUNES + "/" + id);
        List<String> listed = jobIds(http.get(FINE_TUNES + "?status=CANCELING").output());
        List<String> seen = statusesUntil(id, "CANCELED", Duration.ofSeconds(1), Duration.ofMinutes(2));

        assertThat(canceling.get("status").asText()).isEqualTo("CANCELING");
        assertThat(canceling.has("end_time")).isFalse();
        assertThat(again.code()).isEqualTo("UnsupportedOperation");
        assertThat(delete.code()).isEqualTo("UnsupportedOperation");
        assertThat(listed).containsExactly(id);
        assertThat(seen).containsExactly("CANCELING", "CANCELED");
        assertThat(job(id).get("end_time").asText()).matches(TIME);
        assertThat(http.get(FINE_TUNES + "/" + id + "/logs").output().get("logs").toString())
                .contains("Cancel requested", "Job canceled.");
        assertThat(http.delete(FINE_TUNES + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void cancel_whileQueuing_isAccepted() {
        String id = create();
        statusesUntil(id, "QUEUING", Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThat(http.post(FINE_TUNES + "/" + id + "/cancel", "").status()).isEqualTo(200);
        assertThat(job(id).get("status").asText()).isEqualTo("CANCELING");
    }

    private String create() {
        return http.post(FINE_TUNES, body("qwen3-8b")).output().get("job_id").asText();
    }

    private JsonNode job(String id) {
        return http.get(FINE_TUNES + "/" + id).output();
    }

    /** The distinct statuses the job shows, stepping the clock, until it shows {@code last}. */
    private List<String> statusesUntil(String id, String last, Duration step, Duration limit) {
        List<String> seen = new ArrayList<>();
        for (Duration waited = Duration.ZERO; waited.compareTo(limit) <= 0; waited = waited.plus(step)) {
            String status = job(id).get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (status.equals(last)) {
                return seen;
            }
            clock.advance(step);
        }
        throw new AssertionError(id + " never reached " + last + "; saw " + seen);
    }
}
