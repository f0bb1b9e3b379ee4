package dev.mstudio.slackbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /healthz}: 200 with a small JSON document about the bot (never a secret). */
final class HealthServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Supplier<Object> health;

    HealthServlet(Supplier<Object> health) {
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = JSON.writeValueAsBytes(health.get());
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
