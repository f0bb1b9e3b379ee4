package dev.mstudio.watch;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A fake service, a deterministic scheduler and a direct executor, wired into Watchers. */
final class Harness implements AutoCloseable {
    final FakeClient client = new FakeClient();
    final TestScheduler scheduler = new TestScheduler();
    final WatchStateStore stateStore;
    final List<Job> sunk = new ArrayList<>();
    final Watchers watchers;

    Harness() {
        this(WatchStateStore.inMemory());
    }

    Harness(WatchStateStore stateStore) {
        this(stateStore, Runnable::run);
    }

    Harness(WatchStateStore stateStore, Executor executor) {
        this.stateStore = stateStore;
        this.watchers = builder(client, stateStore, executor).sink(sunk::add).build();
    }

    Watchers.Builder builder(DashScopeClient client, WatchStateStore store, Executor executor) {
        return Watchers.builder(client).scheduler(scheduler).clock(scheduler.clock()).executor(executor)
                .stateStore(store);
    }

    JobWatcher imports() {
        return watchers.of(JobKind.IMPORT);
    }

    JobWatcher fineTunes() {
        return watchers.of(JobKind.FINETUNE);
    }

    void runDue() {
        scheduler.runDue();
    }

    void advance(Duration duration) {
        scheduler.advance(duration);
    }

    /** Runs exactly the next scheduled cycle, however far away. */
    void nextCycle() {
        scheduler.advance(scheduler.nextDelay().orElseThrow(() -> new AssertionError("nothing scheduled")));
    }

    @Override
    public void close() {
        watchers.close();
    }
}
