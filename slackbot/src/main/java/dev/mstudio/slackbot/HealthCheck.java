package dev.mstudio.slackbot;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@code bot healthcheck}: exit status 0 when the bot on this host answers {@code GET /healthz} with 200, printing
 * its JSON; otherwise 1 and one line saying why. It is the container image's health check (the image has no curl,
 * and Docker keeps what a check prints in {@code docker inspect}). It asks where the bot listens:
 * {@value BotConfig#PORT} and, unless it is every address, {@value BotConfig#BIND}.
 */
final class HealthCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BODY = 4096;

    private HealthCheck() {
    }

    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        URI url;
        try {
            url = url(env);
        } catch (BotConfig.Invalid e) {
            err.println("mstudio bot healthcheck: " + e.getMessage());
            return 1;
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            int status = connection.getResponseCode();
            if (status != 200) {
                err.println("mstudio bot healthcheck: " + url + " answered HTTP " + status);
                return 1;
            }
            try (InputStream body = connection.getInputStream()) {
                out.println(new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8));
            }
            return 0;
        } catch (IOException e) {
            err.println("mstudio bot healthcheck: " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            return 1;
        }
    }

    /** The bot's /healthz as seen from this host: 127.0.0.1 when it listens on every address. */
    static URI url(Map<String, String> env) {
        String bind = BotConfig.bindHost(env);
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        int port = BotConfig.port(env);
        if (port == 0) {
            throw new BotConfig.Invalid(BotConfig.PORT + " is 0 (any free port): the health check cannot know which");
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                + BotHttpServer.HEALTH_PATH);
    }
}
