package dev.mstudio.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The single HTTP handler: sends {@code /api/v1} to the gateway, {@code /_sandbox} to the control API. */
final class Dispatcher implements HttpHandler {

    private final SandboxState state;
    private final ApiGateway api;
    private final Router control;

    Dispatcher(SandboxState state, ApiGateway api, Router control) {
        this.state = state;
        this.api = api;
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            HttpCall call = new HttpCall(exchange, state.dice().uuid());
            write(exchange, call.method(), route(call));
        } catch (IOException | RuntimeException e) {
            // the client went away or sent something unreadable; nothing left to answer
        } finally {
            exchange.close();
        }
    }

    private Reply route(HttpCall call) {
        List<String> segments = call.segments();
        if (segments.size() >= 2 && segments.get(0).equals("api") && segments.get(1).equals("v1")) {
            return api.serve(call);
        }
        if (!segments.isEmpty() && segments.get(0).equals("_sandbox")) {
            return controlReply(call);
        }
        return Reply.error(call.requestId(), ApiError.notFound("Not found: " + call.path()
                + ". The DashScope API is under /api/v1 and the sandbox controls under /_sandbox."));
    }

    private Reply controlReply(HttpCall call) {
        Router.Resolution route = control.resolve(call.method(), call.segments());
        try {
            if (state.apiKey() != null) {
                // a sandbox started with a key guards its controls as the API: same key, same error
                ApiGateway.authenticate(state, call.header("Authorization"));
            }
            if (!route.pathFound()) {
                throw ApiError.notFound("Not found: there is no sandbox control at " + call.path() + ".");
            }
            if (route.handler() == null) {
                throw ApiError.methodNotAllowed(call.method(), route.template(), String.join(", ", route.allowed()));
            }
            call.vars(route.vars());
            return route.handler().handle(call);
        } catch (ApiError e) {
            return Reply.error(call.requestId(), e);
        } catch (IllegalArgumentException e) {
            return Reply.error(call.requestId(), ApiError.invalid(e.getMessage()));
        } catch (RuntimeException e) {
            return Reply.error(call.requestId(), ApiError.internal());
        }
    }

    private static void write(HttpExchange exchange, String method, Reply reply) throws IOException {
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
