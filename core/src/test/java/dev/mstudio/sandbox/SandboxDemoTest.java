package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo workspace is the same in every run, and lively at any moment. */
class SandboxDemoTest {

    private static final Instant T = Instant.parse("2026-03-14T09:00:00Z");
    private final List<Sandbox> started = new ArrayList<>();

    private Sandbox demo(ManualClock clock, long random) {
        Sandbox sandbox = Sandbox.builder().clock(clock).random(random).build().start().seedDemo();
        started.add(sandbox);
        return sandbox;
    }

    @AfterEach
    void stop() {
        started.forEach(Sandbox::close);
    }

    @Test
    void twoRuns_atTheSameTime_holdTheSameJobs() {
        Instant at = T.plus(Duration.ofMinutes(17));

        Map<String, String> first = jobs(demo(new ManualClock(at), 1), FINE_TUNES, "jobs");
        Map<String, String> second = jobs(demo(new ManualClock(at), 2), FINE_TUNES, "jobs");

        assertThat(first).hasSizeGreaterThan(30).isEqualTo(second);
        assertThat(jobs(demo(new ManualClock(at), 3), IMPORTS, "list"))
                .isEqualTo(jobs(demo(new ManualClock(at), 4), IMPORTS, "list")).hasSizeGreaterThan(10);
    }

    @Test
    void idFromOneRun_isFoundInALaterRun_inTheStatusTheFirstRunWouldShow() {
        ManualClock firstClock = new ManualClock(T.plus(Duration.ofMinutes(50)));
        Sandbox first = demo(firstClock, 5);
        List<String> shown = jobIds(new SandboxHttp(first).get(FINE_TUNES).output());
        firstClock.advance(Duration.ofMinutes(25));
        Sandbox later = demo(new ManualClock(T.plus(Duration.ofMinutes(75))), 6);

        for (String id : shown) {
            SandboxHttp.Response again = new SandboxHttp(later).get(FINE_TUNES + "/" + id);
            assertThat(again.status()).as(id).isEqualTo(200);
            assertThat(again.output().get("status").asText()).as(id)
                    .isEqualTo(new SandboxHttp(first).get(FINE_TUNES + "/" + id).output().get("status").asText());
        }
        assertThat(shown).hasSize(10);
    }

    @Test
    void everyMinuteOfTwoHours_hasEveryStatus_andJobsOfBothKindsEndingWithinFiveMinutes() {
        ManualClock clock = new ManualClock(T.plusSeconds(17));
        Sandbox sandbox = demo(clock, 10);
        List<Map<String, String>> fineTunes = new ArrayList<>();
        List<Map<String, String>> imports = new ArrayList<>();
        for (int minute = 0; minute <= 125; minute++) {
            fineTunes.add(jobs(sandbox, FINE_TUNES, "jobs"));
            imports.add(jobs(sandbox, IMPORTS, "list"));
            clock.advance(Duration.ofMinutes(1));
        }

        for (int minute = 0; minute <= 120; minute++) {
            assertThat(new HashSet<>(fineTunes.get(minute).values())).as("minute %d", minute)
                    .contains("PENDING", "QUEUING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED");
            assertThat(new HashSet<>(imports.get(minute).values())).as("minute %d", minute)
                    .contains("PENDING", "RUNNING", "SUCCESSED", "FAILED");
            assertThat(ended(fineTunes.get(minute), fineTunes.get(minute + 5), "RUNNING")).as("minute %d", minute)
                    .isNotEmpty();
            assertThat(ended(imports.get(minute), imports.get(minute + 5), "RUNNING")).as("minute %d", minute)
                    .isNotEmpty();
        }
    }

    @Test
    void jobsOfTheHoursAhead_doNotExistYet() {
        ManualClock clock = new ManualClock(T.plus(Duration.ofMinutes(10)));
        Sandbox sandbox = demo(clock, 8);
        Set<String> now = jobs(sandbox, FINE_TUNES, "jobs").keySet();
        Set<String> later = jobs(demo(new ManualClock(T.plus(Duration.ofMinutes(100))), 9), FINE_TUNES, "jobs").keySet();
        List<String> future = later.stream().filter(id -> !now.contains(id)).toList();

        assertThat(future).isNotEmpty();
        for (String id : future) {
            assertThat(new SandboxHttp(sandbox).get(FINE_TUNES + "/" + id).code()).isEqualTo("NotFound");
        }
        clock.advance(Duration.ofMinutes(90));
        assertThat(jobs(sandbox, FINE_TUNES, "jobs").keySet()).containsAll(future);
    }

    /** Job ID -> status of every job listed, all pages. */
    private static Map<String, String> jobs(Sandbox sandbox, String path, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        SandboxHttp http = new SandboxHttp(sandbox);
        for (int page = 1; ; page++) {
            JsonNode output = http.get(path + "?page_size=100&page_no=" + page).output();
            output.get(field).forEach(job -> out.put(job.get("job_id").asText(), job.get("status").asText()));
            if (output.get(field).isEmpty() || page * 100 >= output.get("total").asInt()) {
                return out;
            }
        }
    }

    private static List<String> ended(Map<String, String> before, Map<String, String> after, String status) {
        return before.entrySet().stream().filter(e -> e.getValue().equals(status))
                .filter(e -> !status.equals(after.get(e.getKey()))).map(Map.Entry::getKey).toList();
    }
}
