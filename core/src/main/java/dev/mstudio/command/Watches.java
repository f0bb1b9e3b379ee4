package dev.mstudio.command;

import dev.mstudio.client.JobKind;
import dev.mstudio.watch.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The watches one session started, by key: a job ID, or "--imports", "--finetunes", "--deployments"
 * for a kind.
 * Thread-safe: listeners remove a watch from watcher threads when its job ends.
 */
final class Watches {

    /** One watch: a job (jobId set) or every active job of a kind (jobId null, model optional). */
    record Watch(String key, JobKind kind, String jobId, String model, Instant since, Subscription subscription) {
        boolean kindWide() {
            return jobId == null;
        }
    }

    private final Map<String, Watch> byKey = new LinkedHashMap<>();

    static String kindKey(JobKind kind) {
        return "--" + kind.plural();
    }

    synchronized int count() {
        return byKey.size();
    }

    synchronized List<Watch> list() {
        return List.copyOf(byKey.values());
    }

    /** Adds a watch, replacing (and closing) one with the same key. */
    void add(Watch watch) {
        Watch old;
        synchronized (this) {
            old = byKey.put(watch.key(), watch);
        }
        if (old != null) {
            old.subscription().close();
        }
    }

    /** Removes and closes a watch; empty when there was none with that key. */
    Optional<Watch> remove(String key) {
        Watch removed;
        synchronized (this) {
            removed = byKey.remove(key);
        }
        if (removed != null) {
            removed.subscription().close();
        }
        return Optional.ofNullable(removed);
    }

    /** Removes a watch only if it is still this very subscription (not a newer watch of the same key). */
    void removeIfCurrent(String key, Subscription subscription) {
        synchronized (this) {
            Watch current = byKey.get(key);
            if (current == null || current.subscription() != subscription) {
                return;
            }
            byKey.remove(key);
        }
        subscription.close();
    }

    /** Closes every watch; returns how many there were. */
    int closeAll() {
        List<Watch> all;
        synchronized (this) {
            all = new ArrayList<>(byKey.values());
            byKey.clear();
        }
        all.forEach(watch -> watch.subscription().close());
        return all.size();
    }
}
