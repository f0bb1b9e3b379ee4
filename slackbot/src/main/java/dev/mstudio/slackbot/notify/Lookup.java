package dev.mstudio.slackbot.notify;

import java.util.List;

/**
 * What looking for an earlier attempt's message in Slack found: the message (its ts, and the outbox
 * entries its metadata names), nothing (so the call never took effect: send it), or no answer (do
 * not send blindly: try again later).
 */
record Lookup(Result result, String ts, List<Long> ids, String error) {

    enum Result { FOUND, ABSENT, UNKNOWN }

    Lookup {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    static Lookup found(String ts, List<Long> ids) {
        return new Lookup(Result.FOUND, ts, ids, null);
    }

    static Lookup absent() {
        return new Lookup(Result.ABSENT, null, List.of(), null);
    }

    static Lookup unknown(String error) {
        return new Lookup(Result.UNKNOWN, null, List.of(), error);
    }
}
