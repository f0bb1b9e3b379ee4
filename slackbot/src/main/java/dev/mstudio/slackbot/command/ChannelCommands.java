package dev.mstudio.slackbot.command;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.ChannelDeclarations;
import dev.mstudio.command.Command;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Context;
import dev.mstudio.command.Result;
import dev.mstudio.command.Result.Column;
import dev.mstudio.command.Result.ValueType;
import dev.mstudio.command.Session;
import dev.mstudio.paging.JobLookup;
import dev.mstudio.slackbot.notify.ChannelSubscriptions;
import dev.mstudio.slackbot.notify.ChannelWatch;
import dev.mstudio.slackbot.notify.NotifySubscription;
import dev.mstudio.slackbot.notify.NotifySubscription.Broadcast;
import dev.mstudio.slackbot.notify.SubscriptionSpec;
import dev.mstudio.time.RelativeTime;
import dev.mstudio.training.Watchdog;
import java.time.Duration;
import dev.mstudio.slackbot.notify.WatchStart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bot's handlers for the commands about what a channel hears, bound into the one command
 * language (which parses them, explains them and checks their policy): {@code watch ID...},
 * {@code unwatch}, {@code watches}, {@code subscribe}, {@code unsubscribe}, {@code subscriptions}.
 * Values are read through the typed keys the declarations declare.
 */
final class ChannelCommands {
    private static final List<Column> COLUMNS = List.of(new Column("ID", ValueType.ID),
            new Column("WHAT", ValueType.TEXT), new Column("STATUS", ValueType.STATUS), new Column("BY", ValueType.TEXT));

    private static final Duration MIN_THRESHOLD = Duration.ofMinutes(1);
    private static final Duration MAX_THRESHOLD = Duration.ofDays(30);
    private final ChannelFollowing following;

    ChannelCommands(ChannelFollowing following) {
        this.following = following;
    }

    /** {@code language} with these handlers bound. */
    CommandLanguage bindTo(CommandLanguage language) {
        return language.bind("watch", this::watch).bind("unwatch", this::unwatch).bind("watches", this::list)
                .bind("subscribe", this::subscribe).bind("unsubscribe", this::unsubscribe)
                .bind("subscriptions", this::list);
    }

    private Result watch(Session session, Command command, Context context) throws IOException {
        List<String> ids = command.get(ChannelDeclarations.IDS);
        if (command.has(ChannelDeclarations.IMPORTS) || command.has(ChannelDeclarations.FINETUNES)
                || command.has(ChannelDeclarations.DEPLOYMENTS)) {
            return Result.Failure.of("In a channel, every job of a kind is followed with subscribe.",
                    "subscribe imports|finetunes|deployments [--model M] [--only failures] [--broadcast failures|all|none]");
        }
        if (ids.isEmpty()) {
            return Result.Failure.of("Give the IDs of the jobs to watch.", "Usage: watch ID... (at most 50)");
        }
        boolean direct = command.has(ChannelDeclarations.DM);
        Optional<Result> unreachable = direct ? Optional.empty() : unreachable(context);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        String where = direct ? context.user() : context.place();
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            try {
                Job job = JobLookup.locate(session.jobs(), id);
                String started = describe(following.watch(where, job.kind(), job.id(), context.user()));
                lines.add(direct ? started.replace("a message here", "a direct message to you") : started);
            } catch (ApiException e) {
                if (ids.size() == 1) {
                    return new Result.Failure(e.describe(), "imports, finetunes and deployments list their IDs.", e.code(),
                            e.requestId(), 1);
                }
                lines.add("Not watching " + id + ": " + e.describe());
            }
        }
        return new Result.Message(Result.Level.SUCCESS, String.join("\n", lines), 0, null);
    }

    private static String describe(WatchStart start) {
        String job = start.kind().noun() + " " + start.jobId();
        String state = start.status() + (start.model() == null ? "" : ", model " + start.model());
        return switch (start.outcome()) {
            case STARTED -> "Watching " + job + " (" + state + "): a message here follows it until it "
                    + (start.kind() == JobKind.DEPLOYMENT ? "settles (RUNNING, FAILED or STOPPED)." : "ends.");
            case ALREADY_WATCHING -> "This channel already watches " + job + " (" + state + ").";
            case ALREADY_FINISHED -> capitalized(job) + (start.kind() == JobKind.DEPLOYMENT ? " has already settled ("
                    : " has already ended (") + state + "); its final state is posted here.";
        };
    }

    private Result subscribe(Session session, Command command, Context context) {
        Optional<Result> unreachable = unreachable(context);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        JobKind kind = command.get(ChannelDeclarations.KIND);
        Watchdog.Thresholds alerts = alerts(command);
        Optional<Result> badAlerts = alertsProblem(alerts, kind);
        if (badAlerts.isPresent()) {
            return badAlerts.get();
        }
        Broadcast broadcast = Broadcast.parse(command.get(ChannelDeclarations.BROADCAST)).orElse(Broadcast.FAILURES);
        SubscriptionSpec spec = new SubscriptionSpec(kind, command.get(ChannelDeclarations.MODEL),
                command.get(ChannelDeclarations.ONLY) != null, broadcast, alerts);
        NotifySubscription sub = following.subscribe(context.place(), spec, context.user());
        return new Result.Message(Result.Level.SUCCESS, "This channel hears when " + describe(sub) + " (" + sub.id()
                + "): " + shown(sub.broadcast()) + ". unsubscribe " + sub.id() + " stops it.", 0, null);
    }

    /** The watchdog thresholds {@code --alerts}, {@code --stalled} and {@code --queued} ask for; null for none. */
    private static Watchdog.Thresholds alerts(Command command) {
        Duration stalled = command.get(ChannelDeclarations.STALLED);
        Duration queued = command.get(ChannelDeclarations.QUEUED);
        if (!command.has(ChannelDeclarations.ALERTS) && stalled == null && queued == null) {
            return null;
        }
        Watchdog.Thresholds defaults = Watchdog.Thresholds.DEFAULTS;
        return defaults.with(stalled != null ? stalled : defaults.stalled(), queued != null ? queued : defaults.queued());
    }

    /** Alerts watch fine-tune logs, checked once a minute: a refusal for imports or thresholds out of range. */
    private static Optional<Result> alertsProblem(Watchdog.Thresholds alerts, JobKind kind) {
        if (alerts == null) {
            return Optional.empty();
        }
        String usage = "subscribe finetunes --alerts [--stalled D] [--queued D], e.g. --stalled 30m --queued 4h";
        if (kind != JobKind.FINETUNE) {
            return Optional.of(Result.Failure.of("Alerts watch the training logs of running fine-tunes; "
                    + kind.plural() + " have none.", usage));
        }
        for (Duration threshold : List.of(alerts.stalled(), alerts.queued())) {
            if (threshold.compareTo(MIN_THRESHOLD) < 0 || threshold.compareTo(MAX_THRESHOLD) > 0) {
                return Optional.of(Result.Failure.of("Alert thresholds must be between 1 minute and 30 days (jobs "
                        + "are checked once a minute).", usage));
            }
        }
        return Optional.empty();
    }

    /** A refusal when the bot could not post where it would be told to, saying how to fix it. */
    private Optional<Result> unreachable(Context context) {
        return following.cannotPost(context.place()).map(problem -> Result.Failure.of(problem,
                "Nothing was set up. After inviting me, run the command again."));
    }

    private Result unsubscribe(Session session, Command command, Context context) {
        return stop(context, command.get(ChannelDeclarations.TARGET));
    }

    /**
     * {@code unwatch ID...}, {@code --imports}, {@code --finetunes}, {@code --deployments}, {@code --all}: as
     * unsubscribe, for each.
     */
    private Result unwatch(Session session, Command command, Context context) {
        List<String> targets = new ArrayList<>(command.get(ChannelDeclarations.IDS));
        if (command.has(ChannelDeclarations.IMPORTS)) {
            targets.add(JobKind.IMPORT.plural());
        }
        if (command.has(ChannelDeclarations.FINETUNES)) {
            targets.add(JobKind.FINETUNE.plural());
        }
        if (command.has(ChannelDeclarations.DEPLOYMENTS)) {
            targets.add(JobKind.DEPLOYMENT.plural());
        }
        if (command.has(ChannelDeclarations.ALL)) {
            targets.add("all");
        }
        if (targets.isEmpty()) {
            return Result.Failure.of("Say which watch to stop.", "Usage: unwatch ID...|--all (subscriptions lists them)");
        }
        List<String> lines = new ArrayList<>();
        for (String target : targets) {
            Result result = stop(context, target);
            lines.add(result instanceof Result.Message message ? message.text() : ((Result.Failure) result).message());
        }
        return new Result.Message(Result.Level.INFO, String.join("\n", lines), 0, null);
    }

    private Result stop(Context context, String target) {
        String what = "all".equalsIgnoreCase(target) ? "all"
                : JobKind.parse(target).map(JobKind::plural).orElse(target);
        if (!following.unsubscribe(context.place(), what)) {
            return Result.Failure.of("This channel has no subscription or watch " + what + ".",
                    "subscriptions lists what it has.");
        }
        return new Result.Message(Result.Level.SUCCESS, "Stopped " + what + " in this channel.", 0, null);
    }

    private Result list(Session session, Command command, Context context) {
        ChannelSubscriptions all = following.subscriptions(context.place());
        if (all.isEmpty()) {
            return Result.Message.info("This channel has no subscriptions or watches. subscribe imports or "
                    + "watch ID starts one.");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (NotifySubscription sub : all.subscriptions()) {
            rows.add(Arrays.asList(sub.id(), describe(sub) + ", broadcast " + sub.broadcast().word(), null,
                    sub.createdBy()));
        }
        for (ChannelWatch watch : all.watches()) {
            rows.add(Arrays.asList(watch.jobId(), "watch of a " + watch.kind().noun(), watch.lastStatus(),
                    watch.userId()));
        }
        String footer = all.subscriptions().size() + " subscription(s), " + all.watches().size() + " watch(es)"
                + following.deliveryProblem(context.place()).map(problem -> " · delivery here is failing: " + problem)
                        .orElse("");
        return new Result.Table("Subscriptions and watches of this channel", COLUMNS, rows, footer, null);
    }

    /** Where a subscription's outcomes show, as told when subscribing. */
    private static String shown(Broadcast broadcast) {
        return switch (broadcast) {
            case FAILURES -> "failures are posted here, successes in a thread of the day";
            case ALL -> "every outcome is posted here";
            case NONE -> "every outcome is a reply in a thread of the day";
        };
    }

    /** "any import job ends (model qwen, failures only)"; "any deployment settles"; with alerts, their thresholds */
    private static String describe(NotifySubscription sub) {
        String filter = (sub.model() == null ? "" : "model " + sub.model())
                + (sub.onlyFailures() ? (sub.model() == null ? "" : ", ") + "failures only" : "");
        Watchdog.Thresholds alerts = sub.alerts();
        return "any " + sub.kind().noun() + (sub.kind() == JobKind.DEPLOYMENT ? " settles" : " ends")
                + (filter.isEmpty() ? "" : " (" + filter + ")")
                + (alerts == null ? "" : " or needs an alert (log silent " + RelativeTime.amount(
                        alerts.stalled().toSeconds()) + ", queued " + RelativeTime.amount(alerts.queued().toSeconds())
                        + ", NaN or rising loss)");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
