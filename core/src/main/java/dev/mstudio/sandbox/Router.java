package dev.mstudio.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Matches method + path against templates such as {@code /api/v1/fine-tunes/{job_id}/logs}. */
final class Router {

    /** The outcome of matching: the template (null when no path matched) and the handler. */
    record Resolution(String template, Handler handler, Map<String, String> vars, Set<String> allowed) {
        boolean pathFound() {
            return template != null;
        }
    }

    private record Route(String method, String template, String[] parts, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Handler handler) {
        String[] parts = template.substring(1).split("/");
        routes.add(new Route(method, template, parts, handler));
    }

    /** Adds a DashScope endpoint whose result becomes {@code output}. */
    void api(String method, String template, Function<HttpCall, JsonNode> output) {
        add(method, template, call -> Reply.ok(call.requestId(), output.apply(call)));
    }

    /** Adds a DashScope endpoint whose result becomes {@code data} (the file endpoints). */
    void data(String method, String template, Function<HttpCall, JsonNode> data) {
        add(method, template, call -> Reply.data(call.requestId(), data.apply(call)));
    }

    /**
     * The route for {@code method} (matched exactly: {@code get} is not {@code GET}) and the path;
     * {@code HEAD} takes the {@code GET} route, whose body the dispatcher then leaves out.
     */
    Resolution resolve(String method, List<String> segments) {
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
