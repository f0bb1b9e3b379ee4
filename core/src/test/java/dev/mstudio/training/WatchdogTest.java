package dev.mstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.watch.TestScheduler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watchdog on a fake clock, against a local server answering the log endpoint as DashScope does. */
class WatchdogTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final TestScheduler scheduler = new TestScheduler(Instant.parse("2024-10-29T12:00:00Z"));
    private final Map<String, List<String>> logs = new ConcurrentHashMap<>();
    private final AtomicInteger logRequests = new AtomicInteger();
    private final List<Watchdog.Alert> alerts = new CopyOnWriteArrayList<>();
    private MockWebServer server;
    private DashScopeClient client;
    private Watchdog watchdog;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                logRequests.incrementAndGet();
                String id = request.getRequestUrl().pathSegments().get(3);
                int offset = Integer.parseInt(request.getRequestUrl().queryParameter("offset"));
                List<String> all = logs.getOrDefault(id, List.of());
                List<String> page = all.subList(Math.min(offset, all.size()), all.size());
                StringBuilder json = new StringBuilder("{\"request_id\":\"r\",\"output\":{\"total\":" + all.size()
                        + ",\"logs\":[");
                for (int i = 0; i < page.size(); i++) {
                    json.append(i == 0 ? "" : ",").append('"').append(page.get(i).replace("\"", "\\\"")).append('"');
                }
                return new MockResponse().setBody(json.append("]}}").toString());
            }
        });
        server.start();
        client = DashScopeClient.builder().config(ClientConfig.of(server.url("/api/v1").toString(), "sk-test"))
                .maxAttempts(1).build();
        watchdog = new Watchdog(new FineTuneLogs(client), scheduler, scheduler.clock(),
                new Watchdog.Thresholds(Duration.ofMinutes(20), Duration.ofHours(2), 3, Duration.ofMinutes(1)),
                alerts::add);
    }

    @AfterEach
    void stop() throws IOException {
        watchdog.close();
        client.close();
        server.shutdown();
    }

    @Test
    void queuedTooLong_isSaidOnce() {
        watchdog.observe(job("ft-q", "QUEUING", scheduler.now().minus(Duration.ofMinutes(119))));

        scheduler.advance(Duration.ofMinutes(1));
        scheduler.advance(Duration.ofMinutes(1));
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.condition()).isEqualTo(Watchdog.Condition.QUEUED_TOO_LONG);
            assertThat(alert.message()).isEqualTo("Fine-tune job ft-q has waited in QUEUING for 2 h.");
        });
        assertThat(logRequests).as("a queued job costs no log request").hasValue(0);
    }

    @Test
    void runningJobWhoseLogStopsGrowing_isStalledAfterTheThreshold_once() {
        logs.put("ft-s", new ArrayList<>(List.of("{'train_loss': 1.0, 'step': 1}")));
        watchdog.observe(job("ft-s", "RUNNING", scheduler.now()));

        scheduler.advance(Duration.ofMinutes(20));
        assertThat(alerts).isEmpty();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.condition()).isEqualTo(Watchdog.Condition.STALLED);
            assertThat(alert.message()).contains("has not grown for 20 min (1 lines)");
        });
        scheduler.advance(Duration.ofMinutes(30));
        assertThat(alerts).hasSize(1);
    }

    @Test
    void thresholdsPerFollower_eachCrossedThresholdIsItsOwnAlert_andAJobNobodyWantsCostsNoRequest() {
        watchdog.close();
        Watchdog.Thresholds defaults = Watchdog.Thresholds.DEFAULTS;
        Watchdog.Thresholds patient = defaults.with(Duration.ofMinutes(30), Duration.ofHours(4));
        watchdog = new Watchdog(new FineTuneLogs(client), scheduler, scheduler.clock(), defaults,
                job -> job.id().equals("ft-unwanted") ? List.of() : List.of(defaults, patient), alerts::add);
        logs.put("ft-s", new ArrayList<>(List.of("{'train_loss': 1.0, 'step': 1}")));
        logs.put("ft-unwanted", new ArrayList<>(List.of("{'train_loss': 1.0, 'step': 1}")));
        watchdog.observe(job("ft-s", "RUNNING", scheduler.now()));
        watchdog.observe(job("ft-unwanted", "RUNNING", scheduler.now()));

        scheduler.advance(Duration.ofMinutes(21));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.level()).isEqualTo(Duration.ofMinutes(20).toMillis());
            assertThat(alert.jobId()).isEqualTo("ft-s");
        });
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).level()).isEqualTo(patient.level(Watchdog.Condition.STALLED));
        assertThat(alerts.get(1).message()).contains("has not grown for 30 min");
        scheduler.advance(Duration.ofMinutes(30));
        assertThat(alerts).as("never repeated").hasSize(2);
        assertThat(logRequests).as("one request per check for the wanted job only").hasValue(61);
    }

    @Test
    void nanLoss_andValidationLossRisingThreeTimes_areEachSaidOnce() {
        logs.put("ft-n", new ArrayList<>(List.of("{'train_loss': 1.0, 'step': 1}", "{'eval_loss': 0.9, 'step': 1}",
                "{'eval_loss': 0.8, 'step': 2}", "{'eval_loss': 0.85, 'step': 3}", "{'eval_loss': 0.95, 'step': 4}")));
        watchdog.observe(job("ft-n", "RUNNING", scheduler.now()));

        scheduler.advance(Duration.ofMinutes(1));
        assertThat(alerts).as("two rises are not yet three").isEmpty();

        logs.get("ft-n").add("{'eval_loss': 1.2, 'step': 5}");
        logs.get("ft-n").add("{'train_loss': nan, 'step': 6}");
        scheduler.advance(Duration.ofMinutes(1));
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(alerts).extracting(Watchdog.Alert::condition)
                .containsExactlyInAnyOrder(Watchdog.Condition.LOSS_NAN, Watchdog.Condition.DIVERGING);
        assertThat(alerts).anySatisfy(alert -> assertThat(alert.message()).contains("became NaN at step 6"));
    }

    @Test
    void eachCheck_costsAtMostOneLogRequestPerRunningJob_andEndedJobsAreForgotten() {
        for (int i = 0; i < 50; i++) {
            logs.put("ft-" + i, List.of("{'train_loss': 1.0, 'step': 1}"));
            watchdog.observe(job("ft-" + i, "RUNNING", scheduler.now()));
        }
        watchdog.observe(job("ft-x", "PENDING", scheduler.now()));

        scheduler.advance(Duration.ofMinutes(1));
        int first = logRequests.get();
        scheduler.advance(Duration.ofMinutes(1));

        assertThat(first).isEqualTo(50);
        assertThat(logRequests.get() - first).isEqualTo(50);
        watchdog.observe(job("ft-0", "SUCCEEDED", scheduler.now()));
        assertThat(watchdog.size()).isEqualTo(50);
    }

    private static FineTuneJob job(String id, String status, Instant created) {
        return new FineTuneJob(id, id, status, null, "qwen-plus", "qwen-plus", List.of("f"), List.of(), null, "sft",
                LOCAL.format(created), null, null, null, null, null, null, null, null, null, null);
    }
}
