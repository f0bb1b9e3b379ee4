package dev.mstudio.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Matches method + path against templates such as {@code /api/v1/fine-tunes/{job_id}/logs}. */
public final class Router {

    /** The outcome of matching: the template (null when no path matched) and the handler. */
    public record Resolution(String template, RouteHandler handler, Map<String, String> vars, Set<String> allowed) {
        public boolean pathFound() {
            return template != null;
        }

        /**
         * Runs the matched handler on {@code call}.
         *
         * @throws ApiError NotFound with {@code notFoundMessage} when no path matched; 405 when the
         *                  path matched but not the method; or whatever the handler threw
         */
        public HttpReply answer(HttpCall call, String notFoundMessage) {
            if (!pathFound()) {
                throw ApiError.notFound(notFoundMessage);
            }
            if (handler == null) {
                throw ApiError.methodNotAllowed(call.method(), template, String.join(", ", allowed));
            }
            call.vars(vars);
            return handler.handle(call);
        }
    }

    private record Route(String method, String template, String[] parts, RouteHandler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public void add(String method, String template, RouteHandler handler) {
        String[] parts = template.substring(1).split("/");
        routes.add(new Route(method, template, parts, handler));
    }

    /** Adds a DashScope endpoint whose result becomes {@code output}. */
    public void api(String method, String template, Function<HttpCall, JsonNode> output) {
        add(method, template, call -> HttpReply.ok(call.requestId(), output.apply(call)));
    }

    /** Adds a DashScope endpoint whose result becomes {@code data} (the file endpoints). */
    public void data(String method, String template, Function<HttpCall, JsonNode> data) {
        add(method, template, call -> HttpReply.data(call.requestId(), data.apply(call)));
    }

    /**
     * The route for {@code method} (matched exactly: {@code get} is not {@code GET}) and the path;
     * {@code HEAD} takes the {@code GET} route, whose body the dispatcher then leaves out.
     */
    public Resolution resolve(String method, List<String> segments) {
        String wanted = method.equals("HEAD") ? "GET" : method;
        String template = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> vars = match(route.parts(), segments);
            if (vars == null) {
                continue;
            }
            if (route.method().equals(wanted)) {
                return new Resolution(route.template(), route.handler(), vars, allowed);
            }
            template = route.template();
            allowed.add(route.method());
        }
        return new Resolution(template, null, Map.of(), allowed);
    }

    private static Map<String, String> match(String[] parts, List<String> segments) {
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                vars.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return vars;
    }
}
