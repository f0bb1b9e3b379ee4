package dev.mstudio.slackbot.notify;

import dev.mstudio.service.JobService;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A second bot replica (store, watchers, notifier) on the sandbox and FakeSlack of a {@link NotifyFixture}. */
final class ReplicaFixture implements AutoCloseable {
    final AtomicBoolean leads = new AtomicBoolean();
    final BotStore store;
    final JobService service;
    final Notifier notifier;

    ReplicaFixture(NotifyFixture f, String dbUrl) {
        store = BotStore.open(dbUrl);
        store.saveOnlyWhile(leads::get);
        service = JobService.builder(f.client)
                .watchers(b -> b.stateStore(store).fixedInterval(Duration.ofMillis(100))).build();
        notifier = Notifier.builder(service.watchers(), service.jobs(), f.methods, store).leadership(leads::get)
                .perChannelInterval(Duration.ofMillis(20)).digest(5, Duration.ofMillis(50)).build().start();
    }

    /** What the lease would tell it at its next renewal. */
    void lead(boolean leading) {
        leads.set(leading);
        notifier.leading(leading);
    }

    @Override
    public void close() {
        notifier.close();
        service.close();
        store.close();
    }
}
