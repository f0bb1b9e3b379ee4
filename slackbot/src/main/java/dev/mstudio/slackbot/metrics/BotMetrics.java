package dev.mstudio.slackbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import okhttp3.Interceptor;

/**
 * The bot's metrics, in Prometheus text format at {@code GET /metrics} (Micrometer): commands by
 * name and outcome, acknowledgement latency, Slack calls by method and result, DashScope requests by
 * endpoint and status, and gauges of the outbox, deliveries, watched jobs and leadership. Labels are
 * bounded: command paths come from the command language, endpoints are path templates.
 */
public final class BotMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer ack;
    private final java.util.List<io.micrometer.core.instrument.Meter> readings =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public BotMetrics() {
        ack = Timer.builder("mstudio_slack_ack").description("time from a slash command's arrival to its ack")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
                .register(registry);
    }

    /** A command the bot answered: its path ("imports", "import delete", "unparsed") and outcome. */
    public void command(String path, String outcome) {
        Counter.builder("mstudio_commands").description("commands answered, by command and outcome")
                .tag("command", path).tag("outcome", outcome).register(registry).increment();
    }

    /** How long a slash command took to be acknowledged. */
    public void acked(Duration took) {
        ack.record(took);
    }

    /** A Slack Web API call (or a response_url post) and its result ("ok", an error code, "http_429"). */
    public void slackCall(String method, String result) {
        Counter.builder("mstudio_slack_calls").description("Slack calls, by method and result")
                .tag("method", method).tag("result", result).register(registry).increment();
    }

    /** A DashScope request and its HTTP status ("error" when no answer came). */
    public void dashScope(String endpoint, String status) {
        Counter.builder("mstudio_dashscope_requests").description("DashScope requests, by endpoint and status")
                .tag("endpoint", endpoint).tag("status", status).register(registry).increment();
    }

    /** An OkHttp client, to give the DashScope client to derive from, that counts its requests. */
    public okhttp3.OkHttpClient dashScopeHttp() {
        return new okhttp3.OkHttpClient.Builder().addInterceptor(dashScopeInterceptor()).build();
    }

    /** An OkHttp interceptor for the DashScope client that counts its requests. */
    public Interceptor dashScopeInterceptor() {
        return new DashScopeCounting(this);
    }

    /** An OkHttp interceptor for the Slack client that counts its calls by method and result. */
    public Interceptor slackInterceptor() {
        return new SlackCounting(this);
    }

    /** A gauge read at each scrape. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value, String... tags) {
        readings.add(Gauge.builder(name, source, value).strongReference(true).description(description).tags(tags)
                .register(registry));
    }

    /** A counter kept elsewhere (monotonic), read at each scrape. */
    public void counter(String name, String description, Supplier<Number> value, String... tags) {
        readings.add(FunctionCounter.builder(name, value, supplier -> supplier.get().doubleValue())
                .description(description).tags(tags).register(registry));
    }

    /** Forgets the gauges and kept counters (their sources are closing); counted series stay. */
    public void forgetReadings() {
        readings.forEach(registry::remove);
        readings.clear();
    }

    /** Everything, in Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
