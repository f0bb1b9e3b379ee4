package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.util.Map;

/** A second process holding a bot store open until it is killed (for {@link StoreStartupTest}). */
public final class StoreHolder {
    static final String OPEN = "store open";

    private StoreHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        BotStore store = BotStore.open(args[0]);
        store.save(JobKind.IMPORT, Map.of("held", "RUNNING"));
        System.out.println(OPEN);
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
