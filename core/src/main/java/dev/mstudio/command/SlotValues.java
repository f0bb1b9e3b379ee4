package dev.mstudio.command;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.Watches.Watch;
import dev.mstudio.paging.IndexEntry;
import dev.mstudio.paging.JobIndex;
import dev.mstudio.time.RelativeTime;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The values that may fill a {@link Slot}, from memory only: declarations, the job index, the watches. */
final class SlotValues {
    static final int MOST = 100;
    private static final Map<String, String> WEIGHTS = Map.of("lora", "LoRA adapter weights", "full", "full model weights");
    private static final Map<String, String> OUTPUTS = Map.of("table", "tables for people", "json", "the API's JSON, for jq");
    private static final List<String> DURATIONS = List.of("30s", "5m", "1h");
    private final Grammar grammar;

    SlotValues(Grammar grammar) {
        this.grammar = grammar;
    }

    /**
     * The candidates for {@code typed} in {@code slot}. With {@code activeFirst} (commands about jobs
     * that can still change: /wait, /watch, /finetune cancel) job IDs are narrowed to the jobs not in
     * a terminal status (PENDING, RUNNING, any unknown status) when at least one of them matches;
     * the finished ones are offered only when no active job does.
     */
    List<Candidate> of(Session session, Slot slot, String typed, boolean activeFirst) {
        return switch (slot.type()) {
            case JOB_ID -> jobIds(session, slot.kind(), typed, activeFirst);
            case WATCHED_ID -> watched(session, typed);
            case STATUS -> fixed(slot.kind().statuses(), typed, status -> slot.kind().label() + " status");
            case MODEL -> fixed(session.jobs().index().models(slot.kind()), typed, model -> "model seen");
            case WEIGHT -> fixed(Converters.WEIGHTS, typed, WEIGHTS::get);
            case OUTPUT -> fixed(Converters.OUTPUTS, typed, OUTPUTS::get);
            case REGION -> fixed(List.copyOf(ClientConfig.regions().keySet()), typed, ClientConfig.regions()::get);
            case DURATION -> fixed(DURATIONS, typed, duration -> "e.g. " + duration);
            case COMMAND -> commands(typed);
            case FILE -> files(typed);
            case FILE_ID -> session.names().files(typed);
            case DEPLOYMENT -> session.names().deployments(typed);
            case CHECKPOINT -> session.names().checkpoints(typed);
            case DATA -> data(session, typed);
            case TRAINING_TYPE -> fixed(List.of(WorkflowDeclarations.TYPES.split("\\|")), typed, type -> "training type");
            case PLAN -> fixed(List.of("lora", "mu"), typed, plan -> "deployment plan");
            default -> List.of();
        };
    }

    /** "RUNNING · qwen3-32b · 3 min ago". */
    static String describe(IndexEntry entry, Instant now) {
        List<String> parts = new ArrayList<>();
        if (entry.status() != null) {
            parts.add(entry.status());
        }
        if (entry.model() != null) {
            parts.add(entry.model());
        }
        if (entry.createdAt() != null) {
            parts.add(ago(Duration.between(entry.createdAt(), now)));
        }
        return String.join(" · ", parts);
    }

    static String ago(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        return seconds < 60 ? "just now" : RelativeTime.amount(seconds) + " ago";
    }

    private static List<Candidate> jobIds(Session session, JobKind kind, String typed, boolean activeFirst) {
        Instant now = session.clock().instant();
        JobIndex index = session.jobs().index();
        List<IndexEntry> entries = activeFirst ? activeOrElseAll(index, kind, typed) : index.complete(kind, typed, MOST);
        return entries.stream().map(entry -> new Candidate(entry.id(), describe(entry, now), true)).toList();
    }

    /**
     * The first {@link #MOST} matching jobs that can still change, or, when none matches, the first
     * {@code MOST} matching jobs of any status. Reads the index in growing batches, so a short list
     * costs one small scan and only a long list of finished jobs is read further.
     */
    private static List<IndexEntry> activeOrElseAll(JobIndex index, JobKind kind, String typed) {
        int limit = MOST;
        while (true) {
            List<IndexEntry> matches = index.complete(kind, typed, limit);
            List<IndexEntry> active = matches.stream().filter(SlotValues::active).limit(MOST).toList();
            boolean all = matches.size() < limit || limit >= index.capacity();
            if (active.size() == MOST || all && !active.isEmpty()) {
                return active;
            }
            if (all) {
                return matches.subList(0, Math.min(MOST, matches.size()));
            }
            limit = (int) Math.min(index.capacity(), limit * 10L);
        }
    }

    /** Not in a terminal status of its kind: PENDING, RUNNING, or a status this client does not know. */
    private static boolean active(IndexEntry entry) {
        return !entry.kind().isTerminal(entry.status());
    }

    private static List<Candidate> watched(Session session, String typed) {
        List<Candidate> candidates = new ArrayList<>();
        for (Watch watch : session.watches().list()) {
            if (!watch.kindWide() && watch.key().startsWith(typed)) {
                candidates.add(new Candidate(watch.key(), "watched " + watch.kind().noun(), true));
            }
        }
        return candidates;
    }

    private static List<Candidate> fixed(List<String> values, String typed, Function<String, String> help) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return values.stream().filter(value -> value.toLowerCase(Locale.ROOT).startsWith(lower)).limit(MOST)
                .map(value -> new Candidate(value, help.apply(value), true)).toList();
    }

    private List<Candidate> commands(String typed) {
        String bare = typed.startsWith("/") ? typed.substring(1) : typed;
        return grammar.names().stream().filter(name -> name.startsWith(bare.toLowerCase(Locale.ROOT)))
                .filter(name -> grammar.declaration(name).policy().allowedIn(Surface.REPL))
                .map(name -> new Candidate("/" + name, grammar.declaration(name).description(), true)).toList();
    }

    /** Uploaded file IDs seen, then local files (REPL paths). */
    private static List<Candidate> data(Session session, String typed) {
        List<Candidate> out = new ArrayList<>(session.names().files(typed));
        out.addAll(files(typed));
        return out.size() <= MOST ? out : out.subList(0, MOST);
    }

    /** Entries of the typed path's directory; directories end in "/" and are not complete words. */
    private static List<Candidate> files(String typed) {
        Path dir;
        String prefix;
        try {
            int slash = typed.lastIndexOf('/');
            dir = Path.of(slash < 0 ? "." : typed.substring(0, slash + 1));
            prefix = typed.substring(slash + 1);
        } catch (InvalidPathException e) {
            return List.of();
        }
        String base = typed.substring(0, typed.length() - prefix.length());
        List<Candidate> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && candidates.size() < MOST) {
                    boolean directory = Files.isDirectory(entry);
                    candidates.add(new Candidate(base + name + (directory ? "/" : ""), directory ? "directory" : "file",
                            !directory));
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        return candidates;
    }
}
