package dev.mstudio.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * The path every {@code /api/v1} request takes: stall, authenticate, inject faults, route,
 * delay, then record it (before it is written, so a client that reads the stats right after
 * its answer always finds its request counted).
 */
final class ApiGateway {

    static final String UNMATCHED = "(unknown path)";
    static final int MAX_RECORDED_BODY = 64 * 1024;
    private static final String BEARER = "Bearer ";

    private final SandboxState state;
    private final Router router;

    ApiGateway(SandboxState state, Router router) {
        this.state = state;
        this.router = router;
    }

    Reply serve(HttpCall call) {
        Router.Resolution route = router.resolve(call.method(), call.segments());
        Faults faults = state.faults();
        pause(faults.stallMs());
        Reply reply = answer(call, route, faults);
        pause(faults.latencyMs());
        state.traffic().record(record(call, route, reply.status()));
        return reply;
    }

    private Reply answer(HttpCall call, Router.Resolution route, Faults faults) {
        try {
            authenticate(state, call.header("Authorization"));
            injectFaults(faults);
            if (!route.pathFound()) {
                throw ApiError.notFound("Not found: there is no API at " + call.path() + ".");
            }
            if (route.handler() == null) {
                throw ApiError.methodNotAllowed(call.method(), route.template(), String.join(", ", route.allowed()));
            }
            call.vars(route.vars());
            return route.handler().handle(call);
        } catch (ApiError e) {
            return Reply.error(call.requestId(), e);
        } catch (RuntimeException e) {
            return Reply.error(call.requestId(), ApiError.internal());
        }
    }

    /** Accepts any bearer key unless one is configured, then only that one; else InvalidApiKey. */
    static void authenticate(SandboxState state, String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiError.invalidApiKey();
        }
        String key = authorization.substring(BEARER.length()).trim();
        String expected = state.apiKey();
        if (key.isEmpty() || (expected != null && !MessageDigest.isEqual(
                key.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8)))) {
            throw ApiError.invalidApiKey();
        }
    }

    private void injectFaults(Faults faults) {
        if (state.dice().chance(faults.throttleRate())) {
            throw ApiError.throttled("Requests rate limit exceeded, please try again later.", 1);
        }
        if (state.dice().chance(faults.errorRate())) {
            throw ApiError.internal();
        }
    }

    private RecordedRequest record(HttpCall call, Router.Resolution route, int status) {
        String body = call.body();
        if (body != null && body.length() > MAX_RECORDED_BODY) {
            body = body.substring(0, MAX_RECORDED_BODY);
        }
        return new RecordedRequest(Instant.ofEpochMilli(state.now()), call.method(), call.path(),
                call.rawQuery(), route.pathFound() ? route.template() : UNMATCHED,
                call.header("X-DashScope-WorkSpace"), call.header("Authorization") != null, body, status,
                call.requestId());
    }

    private static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
