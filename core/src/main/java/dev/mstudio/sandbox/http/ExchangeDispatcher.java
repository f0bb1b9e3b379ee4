package dev.mstudio.sandbox.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * The single HTTP handler: reads the call, sends {@code /api/v1} to the API and {@code /_sandbox} to the
 * controls, and writes the reply.
 */
final class ExchangeDispatcher implements HttpHandler {

    private final Supplier<String> requestIds;
    private final RouteHandler api;
    private final RouteHandler control;

    ExchangeDispatcher(Supplier<String> requestIds, RouteHandler api, RouteHandler control) {
        this.requestIds = requestIds;
        this.api = api;
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            HttpCall call = new HttpCall(exchange, requestIds.get());
            write(exchange, call.method(), route(call));
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something unreadable; nothing left to answer
        } finally {
            exchange.close();
        }
    }

    private HttpReply route(HttpCall call) {
        List<String> segments = call.segments();
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1")) {
            return api.handle(call);
        }
        if (!segments.isEmpty() && segments.get(0).equals("_sandbox")) {
            return control.handle(call);
        }
        return HttpReply.error(call.requestId(), ApiError.notFound("Not found: " + call.path()
                + ". The DashScope API is under /api/v1 and the sandbox controls under /_sandbox."));
    }

    private static void write(HttpExchange exchange, String method, HttpReply reply) throws IOException {
        byte[] bytes = Json.bytes(reply.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        reply.headers().forEach(headers::set);
        if (method.equals("HEAD")) {
            // the GET answer's headers, Content-Length included, without its body
            headers.set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
