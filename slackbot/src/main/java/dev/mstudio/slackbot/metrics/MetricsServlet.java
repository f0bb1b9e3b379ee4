package dev.mstudio.slackbot.metrics;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the bot's metrics in Prometheus text format. */
public final class MetricsServlet extends HttpServlet {
    public static final String PATH = "/metrics";
    private final transient BotMetrics metrics;

    public MetricsServlet(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/plain; version=0.0.4");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
