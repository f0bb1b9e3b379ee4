package dev.mstudio.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A {@link ReplicaWorker} child JVM and what it prints: when it became leader, its poll cycles and
 * its heap used (the highest seen).
 */
final class ReplicaProcess {
    final String id;
    final AtomicLong cycles = new AtomicLong();
    final AtomicLong peakHeap = new AtomicLong();
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);

    private ReplicaProcess(String id, Process process) {
        this.id = id;
        this.process = process;
    }

    /** Starts {@code command} + id (+ --watch) and waits for "ready"; {@code onLeader} hears (id, millis). */
    static ReplicaProcess start(List<String> command, String id, boolean watch, BiConsumer<String, Long> onLeader)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.add(id);
        if (watch) {
            full.add("--watch");
        }
        ReplicaProcess replica = new ReplicaProcess(id, new ProcessBuilder(full).redirectErrorStream(true).start());
        Thread reader = new Thread(() -> replica.read(onLeader), "bench-" + id);
        reader.setDaemon(true);
        reader.start();
        if (!replica.ready.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(id + " did not start");
        }
        return replica;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private void read(BiConsumer<String, Long> onLeader) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] words = line.split(" ");
                if (words[0].equals("leader") && words.length == 2) {
                    onLeader.accept(id, Long.parseLong(words[1]));
                } else if (words[0].equals("stats") && words.length == 3) {
                    cycles.set(Long.parseLong(words[1]));
                    peakHeap.accumulateAndGet(Long.parseLong(words[2]), Math::max);
                } else if (line.equals("ready")) {
                    ready.countDown();
                } else {
                    System.out.println("  " + id + ": " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  " + id + ": output unreadable: " + e.getMessage());
        }
    }
}
