package dev.mstudio.slackbot.notify;

import dev.mstudio.client.JobKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one batch of events decided, written in one transaction. Not thread-safe. */
final class Batch {
    record Key(JobKind kind, String jobId) {
    }

    final Instant now;
    final List<OutboxEntry.New> entries = new ArrayList<>();
    final Map<JobKind, Map<String, String>> handled = new EnumMap<>(JobKind.class);
    final Set<Key> finished = new LinkedHashSet<>();
    /** The last log lines of the failed jobs in this batch, read before its transaction. */
    final Map<String, List<String>> tails = new java.util.HashMap<>();

    Batch(Instant now) {
        this.now = now;
    }

    void add(String channel, OutboxEntry.Op op, String watchId, Payload payload, Instant notBefore) {
        entries.add(new OutboxEntry.New(channel, op, watchId, payload, notBefore));
    }
}
