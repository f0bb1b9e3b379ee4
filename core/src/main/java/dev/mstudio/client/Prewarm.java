package dev.mstudio.client;

import dev.mstudio.json.JsonTrees;
import java.security.Security;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readies, on another core, what the first call of a short run would otherwise set up on its own
 * critical path: the JDK's security providers (OkHttp's platform probe instantiates every one on the
 * first call, even for plain HTTP), the client (its configuration, OkHttp's client and URL classes,
 * Kotlin, the IDN tables; in the sandbox mode of a front end, the sandbox itself), then Jackson's
 * parser and tree nodes. Front ends start it when a command first needs the service, while the main
 * thread builds the caches. The providers come first: the call cannot start without them, while a
 * client this thread has not begun to make by the time the caches are built is made by the call's
 * own thread, beside them. Whoever gets there first does the work, the other waits for it (a lazy
 * client connects once, a class is initialised once). Nothing here is observable: no output, no
 * failure; the caller's own first use does, and reports, the same.
 */
public final class Prewarm extends Thread {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private final Runnable connect;

    private Prewarm(Runnable connect) {
        super("mstudio-prewarm");
        this.connect = connect;
        setDaemon(true);
    }

    /**
     * Starts the warm-up once per process; {@code connect} should make the client the command will
     * use (e.g. a lazy client's delegate) and may throw. Later calls do nothing.
     */
    public static void inBackground(Runnable connect) {
        if (STARTED.compareAndSet(false, true)) {
            new Prewarm(connect).start();
        }
    }

    @Override
    public void run() {
        quietly(Security::getProviders);
        quietly(connect::run);
        quietly(() -> JsonTrees.read("{\"output\":{\"jobs\":[{\"n\":1,\"d\":1.5,\"s\":\"x\",\"b\":true,\"z\":null}]}}"));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError ignored) {
            // only a head start: the caller's own first use does (and reports) the same work
        }
    }
}
