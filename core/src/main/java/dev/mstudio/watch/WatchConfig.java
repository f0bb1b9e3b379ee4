package dev.mstudio.watch;

import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** What every watcher of one {@link Watchers} shares. */
record WatchConfig(DashScopeClient client, WatchScheduler scheduler, Executor executor, Clock clock,
        WatchStateStore stateStore, Consumer<Job> sink, Pacer.Intervals intervals) {

    WatchConfig {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stateStore, "stateStore");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(intervals, "intervals");
    }
}
