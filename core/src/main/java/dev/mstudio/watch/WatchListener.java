package dev.mstudio.watch;

/**
 * Receives a watcher's events, in order, on the watcher's dispatch executor. Each listener has its
 * own queue: an exception it throws is counted in {@link WatchHealth#listenerErrors()} and never
 * reaches the watcher or other listeners, and a slow listener only delays itself.
 */
@FunctionalInterface
public interface WatchListener {
    void onEvent(WatchEvent event);
}
