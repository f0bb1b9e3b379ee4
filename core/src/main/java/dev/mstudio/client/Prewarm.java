package dev.mstudio.client;

import dev.mstudio.json.JsonTrees;
import java.security.Security;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readies, on another core, what the first call of a short run would otherwise set up on its own
 * critical path: the JDK's security providers (OkHttp's platform probe instantiates every one on
 * the first call, even for plain HTTP), then Jackson's parser and tree nodes, in the order the
 * call needs them. Front ends start it when a command first needs the service, while the main thread
 * builds the caches and the client; whoever gets there first does the work, the other waits for it
 * (class initialisation is done once). Nothing here is observable: no output, no failure.
 */
public final class Prewarm extends Thread {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Prewarm() {
        super("mstudio-prewarm");
        setDaemon(true);
    }

    /** Starts the warm-up once per process; later calls do nothing. */
    public static void inBackground() {
        if (STARTED.compareAndSet(false, true)) {
            new Prewarm().start();
        }
    }

    @Override
    public void run() {
        try {
            Security.getProviders();
            JsonTrees.read("{\"output\":{\"jobs\":[{\"n\":1,\"d\":1.5,\"s\":\"x\",\"b\":true,\"z\":null}]}}");
        } catch (Exception | LinkageError ignored) {
            // only a head start: the caller's own first use does (and reports) the same work
        }
    }
}
