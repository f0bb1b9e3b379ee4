package dev.mstudio.slackbot.notify;

/**
 * Whether this replica leads: polls DashScope for the notifier and delivers the outbox. With SQLite
 * (one process) it always does; with PostgreSQL a {@link LeaderLease} decides.
 */
@FunctionalInterface
public interface Leadership {
    boolean isLeader();

    /** The single process: always the leader. */
    static Leadership always() {
        return () -> true;
    }
}
