package dev.mstudio.training;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.watch.WatchScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Looks after running fine-tune jobs that someone follows: a job queued (PENDING, QUEUING) for too
 * long, a running job whose log stopped growing, a loss that became NaN, a validation loss that rose
 * several evaluations in a row. Each condition raises one {@link Alert} per job and threshold, never
 * repeated; people who follow a job with other thresholds (a Slack subscription's {@code --stalled
 * 30m}) are told when theirs is crossed.
 * Fed with the jobs the shared watchers already fetch ({@link #observe}); its own cost is one
 * incremental log request per running job per check.
 */
public final class Watchdog implements AutoCloseable {
    private final FineTuneLogs logs;
    private final WatchScheduler scheduler;
    private final Clock clock;
    private final Thresholds base;
    private final Function<Job, Collection<Thresholds>> profiles;
    private final Consumer<Alert> alerts;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private volatile WatchScheduler.Task next;
    private volatile boolean closed;

    /** When to worry: log silent for {@code stalled}, queued for {@code queued}, validation loss up {@code rising} times. */
    public record Thresholds(Duration stalled, Duration queued, int rising, Duration checkEvery) {
        public static final Thresholds DEFAULTS = new Thresholds(Duration.ofMinutes(20), Duration.ofHours(2), 3,
                Duration.ofMinutes(1));

        public Thresholds {
            Objects.requireNonNull(stalled, "stalled");
            Objects.requireNonNull(queued, "queued");
            Objects.requireNonNull(checkEvery, "checkEvery");
            if (rising < 1 || checkEvery.isZero() || checkEvery.isNegative()) {
                throw new IllegalArgumentException("rising must be at least 1 and checkEvery positive");
            }
        }

        /** These thresholds with another log silence and queue wait. */
        public Thresholds with(Duration stalledAfter, Duration queuedAfter) {
            return new Thresholds(stalledAfter, queuedAfter, rising, checkEvery);
        }

        /**
         * The threshold these settings use for {@code condition}, as an {@link Alert#level}: an alert
         * is for whoever uses the level it was raised at.
         */
        public long level(Condition condition) {
            return switch (condition) {
                case QUEUED_TOO_LONG -> queued.toMillis();
                case STALLED -> stalled.toMillis();
                case DIVERGING -> rising;
                case LOSS_NAN -> 0;
            };
        }
    }

    /** What is wrong with a job. */
    public enum Condition { QUEUED_TOO_LONG, STALLED, LOSS_NAN, DIVERGING }

    /**
     * One condition met by one job, said once for each threshold it was checked against.
     *
     * @param jobId     the fine-tune job
     * @param model     its model, or null
     * @param condition what is wrong
     * @param level     the threshold crossed ({@link Thresholds#level}): milliseconds of waiting or
     *                  silence, evaluations of rising loss, 0 for NaN
     * @param message   one sentence for people
     * @param at        when it was seen
     */
    public record Alert(String jobId, String model, Condition condition, long level, String message, Instant at) {
    }

    private static final class Followed {
        volatile Job job;
        volatile int lines = -1;
        volatile Instant grewAt;
        final Set<String> raised = new HashSet<>();

        Followed(Job job) {
            this.job = job;
        }
    }

    /** A watchdog that checks every followed job against the same {@code thresholds}. */
    public Watchdog(FineTuneLogs logs, WatchScheduler scheduler, Clock clock, Thresholds thresholds,
            Consumer<Alert> alerts) {
        this(logs, scheduler, clock, thresholds, job -> List.of(thresholds), alerts);
    }

    /**
     * A watchdog that checks each followed job against the thresholds {@code profiles} gives for it
     * at each check (none: the job is not checked and costs no request), every
     * {@code base.checkEvery()}. Each distinct threshold crossed raises its own alert, once.
     */
    public Watchdog(FineTuneLogs logs, WatchScheduler scheduler, Clock clock, Thresholds base,
            Function<Job, Collection<Thresholds>> profiles, Consumer<Alert> alerts) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.base = Objects.requireNonNull(base, "base");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        schedule();
    }

    /** The job as last fetched: followed while it can still change, forgotten once it ends. */
    public void observe(Job job) {
        if (job.kind() != JobKind.FINETUNE) {
            return;
        }
        if (job.terminal()) {
            followed.remove(job.id());
            return;
        }
        followed.computeIfAbsent(job.id(), id -> new Followed(job)).job = job;
    }

    /** Jobs followed now. */
    public int size() {
        return followed.size();
    }

    /** Checks every followed job now (the scheduler also does, every {@code checkEvery}). */
    public void check() {
        Instant now = clock.instant();
        for (Followed f : followed.values()) {
            try {
                check(f, now);
            } catch (IOException | RuntimeException e) {
                // the service could not be asked now: no alert, the next check tries again
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        WatchScheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (!closed) {
            next = scheduler.schedule(() -> {
                check();
                schedule();
            }, base.checkEvery());
        }
    }

    private void check(Followed f, Instant now) throws IOException {
        Job job = f.job;
        Collection<Thresholds> wanted = profiles.apply(job);
        if (wanted.isEmpty()) {
            return;
        }
        String status = job.status() == null ? "" : job.status();
        if (status.equals("PENDING") || status.equals("QUEUING")) {
            Duration waited = Duration.between(job.createdAt() != null ? job.createdAt() : now, now);
            for (Thresholds t : wanted) {
                if (!waited.minus(t.queued()).isNegative()) {
                    raise(f, Condition.QUEUED_TOO_LONG, t, "Fine-tune job " + job.id() + " has waited in " + status
                            + " for " + minutes(waited) + ".", now);
                }
            }
            return;
        }
        if (!status.equals("RUNNING")) {
            return;
        }
        List<String> lines = logs.lines(job.id());
        if (lines.size() != f.lines) {
            f.lines = lines.size();
            f.grewAt = now;
        } else {
            Duration silent = Duration.between(f.grewAt, now);
            for (Thresholds t : wanted) {
                if (!silent.minus(t.stalled()).isNegative()) {
                    raise(f, Condition.STALLED, t, "Fine-tune job " + job.id() + " is RUNNING but its log has not "
                            + "grown for " + minutes(silent) + " (" + lines.size() + " lines).", now);
                }
            }
        }
        TrainingCurve curve = TrainingLogParser.parse(lines);
        for (Thresholds t : wanted) {
            lossChecks(f, curve, t, now);
        }
    }

    private void lossChecks(Followed f, TrainingCurve curve, Thresholds thresholds, Instant now) {
        curve.points().stream().filter(p -> p.trainLoss() != null && p.trainLoss().isNaN()
                || p.evalLoss() != null && p.evalLoss().isNaN()).findFirst()
                .ifPresent(p -> raise(f, Condition.LOSS_NAN, thresholds, "The loss of fine-tune job " + f.job.id()
                        + " became NaN at step " + p.step() + ".", now));
        List<TrainingPoint> evals = curve.evaluations();
        int rising = thresholds.rising();
        if (evals.size() > rising) {
            List<TrainingPoint> last = evals.subList(evals.size() - rising - 1, evals.size());
            boolean up = true;
            for (int i = 1; i < last.size(); i++) {
                up &= last.get(i).evalLoss() > last.get(i - 1).evalLoss();
            }
            if (up) {
                raise(f, Condition.DIVERGING, thresholds, "The validation loss of fine-tune job " + f.job.id()
                        + " rose " + rising + " evaluations in a row, to " + last.get(rising).evalLoss()
                        + " at step " + last.get(rising).step() + ".", now);
            }
        }
    }

    private void raise(Followed f, Condition condition, Thresholds thresholds, String message, Instant now) {
        long level = thresholds.level(condition);
        synchronized (f.raised) {
            if (!f.raised.add(condition + ":" + level)) {
                return;
            }
        }
        alerts.accept(new Alert(f.job.id(), f.job.model(), condition, level, message, now));
    }

    private static String minutes(Duration duration) {
        return dev.mstudio.time.RelativeTime.amount(duration.getSeconds());
    }
}
