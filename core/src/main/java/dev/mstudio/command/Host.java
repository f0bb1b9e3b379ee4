package dev.mstudio.command;

import java.util.List;

/**
 * What a front end lends a {@link Session}: somewhere to show things that happen outside a
 * command's own result (watch events, followed log lines), live progress while a command blocks,
 * and the front end's own history. Implementations must be thread-safe: notices arrive from
 * watcher threads.
 */
public interface Host {

    /** Something to show now, asynchronously (REPL: above the prompt; Slack: a message). */
    void notice(Result result);

    /** Live status while a command blocks, e.g. "/wait: RUNNING for 3 min"; front ends may ignore it. */
    default void progress(String text) {
    }

    /** Command lines entered before, oldest first (for {@code /history}); empty where there is none. */
    default List<String> history() {
        return List.of();
    }
}
