package dev.mstudio.repl;

import dev.mstudio.command.Result;
import dev.mstudio.concurrent.DaemonThreads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one command at a time off the terminal's thread, so that Ctrl-C can stop it: {@link #interrupt()}
 * interrupts the command's thread, and if the command has not answered within a grace period the
 * wait is abandoned (its late result is dropped) and the console is given back.
 */
final class Worker implements AutoCloseable {
    static final long GRACE_MS = 1500;
    private static final Result.Failure INTERRUPTED = Result.Failure.of("Interrupted.",
            "The call in flight was abandoned; its result, if any, is dropped.");

    private final ExecutorService threads = Executors.newCachedThreadPool(DaemonThreads.named("mstudio-command"));
    private volatile Running running;

    private record Running(Future<?> task, CompletableFuture<Result> result) {
    }

    /** Runs {@code command} on a worker thread and waits for it; never throws. */
    Result call(Supplier<Result> command) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Future<?> task = threads.submit(() -> {
            try {
                result.complete(command.get());
            } catch (RuntimeException | Error e) {
                result.complete(TopLevelErrors.failure(e));
            }
        });
        running = new Running(task, result);
        try {
            return await(result);
        } finally {
            running = null;
        }
    }

    /** Stops the command running now, if any (Ctrl-C); safe to call from any thread. */
    void interrupt() {
        Running now = running;
        if (now != null) {
            now.task().cancel(true);
            now.result().completeOnTimeout(INTERRUPTED, GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private static Result await(CompletableFuture<Result> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return TopLevelErrors.failure(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
