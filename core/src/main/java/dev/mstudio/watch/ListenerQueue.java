package dev.mstudio.watch;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One listener with its own queue, drained by at most one task at a time on the dispatch executor
 * (fabric8's ProcessorListener): events arrive in order, and whatever the listener does - throw,
 * block, take long - stays with it.
 */
final class ListenerQueue implements Subscription {
    private final WatchFilter filter;
    private final WatchListener listener;
    private final Executor executor;
    private final AtomicLong errors;
    private final Consumer<ListenerQueue> onClose;
    private final Queue<WatchEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean(true);

    ListenerQueue(WatchFilter filter, WatchListener listener, Executor executor, AtomicLong errors,
            Consumer<ListenerQueue> onClose) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.executor = executor;
        this.errors = errors;
        this.onClose = onClose;
    }

    @Override
    public WatchFilter filter() {
        return filter;
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            queue.clear();
            onClose.accept(this);
        }
    }

    /** Queues an event; delivery starts with {@link #kick()}. */
    void enqueue(WatchEvent event) {
        if (open.get()) {
            queue.add(event);
        }
    }

    /** Starts a drain on the executor unless one is running or nothing is queued. */
    void kick() {
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
            errors.incrementAndGet();
        }
    }

    private void drain() {
        try {
            WatchEvent event;
            while (open.get() && (event = queue.poll()) != null) {
                deliver(event);
            }
        } finally {
            draining.set(false);
        }
        if (open.get()) {
            kick();
        }
    }

    private void deliver(WatchEvent event) {
        try {
            listener.onEvent(event);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            errors.incrementAndGet();
        }
    }
}
