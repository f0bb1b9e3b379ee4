package dev.mstudio.command;

import dev.mstudio.client.JobKind;
import dev.mstudio.command.Declaration.Check;
import java.time.Duration;
import java.util.List;

/**
 * The commands about what a Slack channel hears, declared in the one language so that they get the
 * same parsing, help and policy as every other: {@code subscribe}, {@code unsubscribe} and
 * {@code subscriptions} (Slack only; the bot binds their handlers), and the arguments of
 * {@code watch}/{@code unwatch} that the bot's own handlers read. The typed keys are public for
 * those handlers.
 */
public final class ChannelDeclarations {
    /** {@code subscribe KIND}: which jobs. */
    public static final Param<JobKind> KIND = Param.kind("KIND");
    /** {@code subscribe --model M}. */
    public static final Param<String> MODEL = Declarations.MODEL;
    /** {@code subscribe --only failures}. */
    public static final Param<String> ONLY = Param.text("--only");
    /** {@code subscribe --broadcast failures|all|none}: which outcomes show in the channel itself. */
    public static final Param<String> BROADCAST = Param.text("--broadcast");
    /** {@code subscribe finetunes --alerts}: the watchdog's alerts about running jobs, too. */
    public static final Param<Boolean> ALERTS = Param.flag("--alerts");
    /** {@code subscribe finetunes --stalled 30m}: alert when a running job's log is silent this long. */
    public static final Param<Duration> STALLED = Param.duration("--stalled");
    /** {@code subscribe finetunes --queued 2h}: alert when a job waits this long to start. */
    public static final Param<Duration> QUEUED = Param.duration("--queued");
    /** {@code unsubscribe TARGET}: a subscription or watch ID, a kind word, or "all". */
    public static final Param<String> TARGET = Param.text("TARGET");
    /** {@code watch ID...} and {@code unwatch ID...}. */
    public static final Param<List<String>> IDS = Declarations.IDS;
    /** {@code watch --imports}, {@code unwatch --imports}. */
    public static final Param<Boolean> IMPORTS = Declarations.IMPORTS;
    /** {@code watch --finetunes}, {@code unwatch --finetunes}. */
    public static final Param<Boolean> FINETUNES = Declarations.FINETUNES;
    /** {@code watch --deployments}, {@code unwatch --deployments}. */
    public static final Param<Boolean> DEPLOYMENTS = Declarations.DEPLOYMENTS;
    /** {@code watch ID... --dm}: follow the jobs in a direct message to the asker. */
    public static final Param<Boolean> DM = Declarations.DM;
    /** {@code unwatch --all}. */
    public static final Param<Boolean> ALL = Declarations.ALL;

    private ChannelDeclarations() {
    }

    static SpecBuilder subscribe() {
        return new SpecBuilder("/subscribe", "Post in this channel whenever a job of a kind ends.")
                .kindPositional(KIND, "imports, finetunes or deployments (a deployment settles RUNNING, FAILED or STOPPED)")
                .text(MODEL, "M", Slot.model(null), Check.length(MODEL.key(), Declarations.MAX_MODEL),
                        "only jobs of this model")
                .text(ONLY, "failures", Slot.TEXT, Check.choice("failures"), "only failed jobs")
                .text(BROADCAST, "failures|all|none", Slot.TEXT, Check.choice("failures|all|none"),
                        "which outcomes are posted in the channel (default failures); the others are "
                                + "replies in the day's thread")
                .flag(ALERTS, "fine-tunes: also alert on running jobs (stalled log, long queue, NaN or rising loss)")
                .duration(STALLED, "D", "with --alerts: a log silent this long is stalled (default 20m)")
                .duration(QUEUED, "D", "with --alerts: a job waiting this long to start is late (default 2h)")
                .synopsis("/subscribe imports|finetunes|deployments [--model M] [--only failures] [--broadcast failures|all|none]",
                        "/subscribe finetunes --alerts [--stalled D] [--queued D]")
                .only(Surface.SLACK);
    }

    static SpecBuilder unsubscribe() {
        return new SpecBuilder("/unsubscribe", "Stop a subscription or a watch of this channel.")
                .positional(TARGET, "1", Slot.TEXT, Check.length(TARGET.key(), 128),
                        "a subscription or watch ID, imports, finetunes, deployments or all")
                .synopsis("/unsubscribe ID|imports|finetunes|deployments|all")
                .only(Surface.SLACK);
    }

    static SpecBuilder subscriptions() {
        return new SpecBuilder("/subscriptions", "What this channel watches and subscribes to.")
                .only(Surface.SLACK);
    }
}
