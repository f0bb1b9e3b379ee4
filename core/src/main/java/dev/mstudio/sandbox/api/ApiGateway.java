package dev.mstudio.sandbox.api;

import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.sandbox.control.RecordedRequest;
import dev.mstudio.sandbox.http.ApiError;
import dev.mstudio.sandbox.http.BearerKey;
import dev.mstudio.sandbox.http.HttpCall;
import dev.mstudio.sandbox.http.HttpReply;
import dev.mstudio.sandbox.http.RouteHandler;
import dev.mstudio.sandbox.http.Router;
import dev.mstudio.sandbox.store.FineTuneFactory;
import dev.mstudio.sandbox.store.ImportFactory;
import dev.mstudio.sandbox.store.SandboxState;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The DashScope API under {@code /api/v1}, and the path every request to it takes: stall,
 * authenticate, inject faults, route, delay, then record it (before it is written, so a client
 * that reads the stats right after its answer always finds its request counted).
 */
public final class ApiGateway implements RouteHandler {

    static final String UNMATCHED = "(unknown path)";
    static final int MAX_RECORDED_BODY = 64 * 1024;

    private final SandboxState state;
    private final Supplier<Faults> faults;
    private final Consumer<RecordedRequest> recorder;
    private final Router router = new Router();

    /**
     * @param faults   the faults in force, read for every request
     * @param recorder told of every request once it is answered
     */
    public ApiGateway(SandboxState state, ImportFactory imports, FineTuneFactory fineTunes, Supplier<Faults> faults,
                      Consumer<RecordedRequest> recorder) {
        this.state = state;
        this.faults = faults;
        this.recorder = recorder;
        new ImportApi(state, imports).register(router);
        new FineTuneApi(state, fineTunes, faults).register(router);
        new ExportApi(state).register(router);
        new FilesApi(state).register(router);
        new DeploymentsApi(state).register(router);
    }

    @Override
    public HttpReply handle(HttpCall call) {
        Router.Resolution route = router.resolve(call.method(), call.segments());
        Faults now = faults.get();
        pause(now.stallMs());
        HttpReply reply = answer(call, route, now);
        pause(now.latencyMs());
        recorder.accept(record(call, route, reply.status()));
        return reply;
    }

    private HttpReply answer(HttpCall call, Router.Resolution route, Faults faults) {
        try {
            BearerKey.check(state.apiKey(), call.header("Authorization"));
            injectFaults(faults);
            return route.answer(call, "Not found: there is no API at " + call.path() + ".");
        } catch (ApiError e) {
            return HttpReply.error(call.requestId(), e);
        } catch (RuntimeException e) {
            return HttpReply.error(call.requestId(), ApiError.internal());
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
