package dev.mstudio.slackbot.command;

import dev.mstudio.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Work} on a bounded pool so that request threads only acknowledge. Exactly one reply
 * per piece of work reaches its response_url: the answer, or "still running after N s" when the
 * time limit passes first (the work is then interrupted), or "busy" when the queue is full.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService delivery;
    private final ReplySender sender;
    private final Duration limit;

    Dispatcher(int threads, int queue, Duration limit, ReplySender sender) {
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue), DaemonThreads.named("mstudio-bot-worker"));
        this.workers.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("mstudio-bot-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.delivery = Executors.newFixedThreadPool(2, DaemonThreads.named("mstudio-bot-delivery"));
        this.sender = sender;
        this.limit = limit;
    }

    /** Queues {@code work}; never blocks and never throws for a full queue. */
    void submit(String responseUrl, Work work) {
        AtomicBoolean answered = new AtomicBoolean();
        Future<?> running;
        try {
            running = workers.submit(() -> answer(responseUrl, work, answered));
        } catch (RejectedExecutionException full) {
            deliver(responseUrl, work::busy);
            return;
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (answered.compareAndSet(false, true)) {
                running.cancel(true);
                deliver(responseUrl, () -> work.late(limit));
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        if (running.isDone()) {
            deadline.cancel(false);
        }
    }

    /** Work queued or running now. */
    int pending() {
        return workers.getQueue().size() + workers.getActiveCount();
    }

    Duration limit() {
        return limit;
    }

    private void answer(String responseUrl, Work work, AtomicBoolean answered) {
        CommandReply reply;
        try {
            reply = work.run();
        } catch (RuntimeException e) {
            LOG.warn("A command failed unexpectedly: {}", e.getClass().getName());
            reply = work.broken(e);
        }
        if (answered.compareAndSet(false, true)) {
            Thread.interrupted();
            sender.send(responseUrl, reply);
        }
    }

    private void deliver(String responseUrl, java.util.function.Supplier<CommandReply> reply) {
        try {
            delivery.execute(() -> sender.send(responseUrl, reply.get()));
        } catch (RejectedExecutionException closed) {
            LOG.warn("A reply was dropped: the bot is shutting down");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delivery.shutdownNow();
    }

}
