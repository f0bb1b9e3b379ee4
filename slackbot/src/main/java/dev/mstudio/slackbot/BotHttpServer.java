package dev.mstudio.slackbot;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.Supplier;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.metrics.MetricsServlet;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The bot's HTTP side on Jetty (what bolt-jetty's {@code SlackAppServer} does, plus a chosen bind
 * address, port 0, and a health endpoint): Bolt's servlet on {@value #EVENTS_PATH} for slash
 * commands and interactivity, behind {@link SlackRequestFilter}, which checks every request's
 * signature on its raw bytes before anything parses it (401) and refuses signed requests that
 * cannot be read (400); and {@value #HEALTH_PATH}. In Socket Mode only the health endpoint is served.
 */
final class BotHttpServer implements AutoCloseable {
    static final String EVENTS_PATH = "/slack/events";
    static final String HEALTH_PATH = "/healthz";

    private final Server server;
    private final ServerConnector connector;

    private BotHttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Serves {@code app} (null: health only) on {@code host:port}; port 0 picks a free one. */
    static BotHttpServer start(App app, Supplier<Object> health, BotMetrics metrics, String host, int port)
            throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        if (app != null) {
            app.config().setAppPath(EVENTS_PATH);
            RequestSignature signature = new RequestSignature(app.config().getSigningSecret(), Clock.systemUTC());
            context.addFilter(new FilterHolder(new SlackRequestFilter(signature)), EVENTS_PATH,
                    EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new SlackAppServlet(app)), EVENTS_PATH);
        }
        context.addServlet(new ServletHolder(new HealthServlet(health)), HEALTH_PATH);
        context.addServlet(new ServletHolder(new MetricsServlet(metrics)), MetricsServlet.PATH);
        context.setErrorHandler(quietErrors());
        server.setHandler(context);
        server.setErrorHandler(quietErrors());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new BotHttpServer(server, connector);
    }

    /** An internal error answers with its status line only: no exception, no stack trace, no servlet name. */
    private static ErrorHandler quietErrors() {
        ErrorHandler errors = new ErrorHandler() {
            @Override
            protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                    HttpServletResponse response, int code, String message) throws IOException {
                baseRequest.setHandled(true);
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().write("HTTP " + code + "\n");
            }
        };
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        return errors;
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
