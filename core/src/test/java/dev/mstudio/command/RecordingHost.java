package dev.mstudio.command;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A host that records notices and progress, and serves a fixed history. */
final class RecordingHost implements Host {
    private final BlockingQueue<Result> notices = new LinkedBlockingQueue<>();
    private final List<Result> allNotices = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final List<String> history = new CopyOnWriteArrayList<>();

    @Override
    public void notice(Result result) {
        allNotices.add(result);
        notices.add(result);
    }

    @Override
    public void progress(String text) {
        progress.add(text);
    }

    @Override
    public List<String> history() {
        return List.copyOf(history);
    }

    void remember(String line) {
        history.add(line);
    }

    /** The next notice, waiting for it (generously: a missing notice fails the test, a slow one does not). */
    Result nextNotice() throws InterruptedException {
        Result next = notices.poll(30, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no notice arrived; got so far: " + allNotices);
        }
        return next;
    }

    List<Result> notices() {
        return List.copyOf(allNotices);
    }

    List<String> progress() {
        return List.copyOf(progress);
    }
}
