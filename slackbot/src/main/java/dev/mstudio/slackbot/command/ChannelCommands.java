package dev.mstudio.slackbot.command;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.JobKind;
import dev.mstudio.command.Result;
import dev.mstudio.paging.IndexEntry;
import dev.mstudio.paging.JobIndex;
import dev.mstudio.slackbot.command.BlockFormatter.View;
import dev.mstudio.slackbot.notify.ChannelSubscriptions;
import dev.mstudio.slackbot.notify.ChannelWatch;
import dev.mstudio.slackbot.notify.NotifySubscription;
import dev.mstudio.slackbot.notify.WatchStart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bot's own commands, about what a channel hears: {@code watch ID...}, {@code subscribe},
 * {@code unsubscribe} (and {@code unwatch}), {@code subscriptions} (and {@code watches}).
 */
final class ChannelCommands {
    static final String WATCH_USAGE = "Usage: watch ID... (for every job of a kind: subscribe imports|finetunes)";
    static final String SUBSCRIBE_USAGE = "Usage: subscribe imports|finetunes [--model M] [--only failures]";
    static final String UNSUBSCRIBE_USAGE = "Usage: unsubscribe ID|imports|finetunes|all (subscriptions lists them)";

    private final ChannelFollowing following;
    private final JobIndex index;
    private final BlockFormatter formatter;

    ChannelCommands(ChannelFollowing following, JobIndex index, BlockFormatter formatter) {
        this.following = following;
        this.index = index;
        this.formatter = formatter;
    }

    Reply run(Caller caller, Line line, View view) {
        return switch (line.command()) {
            case "watch" -> watch(caller, line.arguments(), view);
            case "subscribe" -> subscribe(caller, line.arguments(), view);
            case "unsubscribe", "unwatch" -> unsubscribe(caller, line.arguments(), view);
            default -> list(caller, view);
        };
    }

    private Reply watch(Caller caller, List<String> ids, View view) {
        if (ids.isEmpty() || ids.stream().anyMatch(id -> id.startsWith("-"))) {
            return formatter.problem("Give the IDs of the jobs to watch.", WATCH_USAGE, view);
        }
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            JobKind kind = index.find(id).map(IndexEntry::kind)
                    .orElse(id.startsWith("ft-") ? JobKind.FINETUNE : JobKind.IMPORT);
            try {
                lines.add(describe(following.watch(caller.channel(), kind, id, caller.user())));
            } catch (ApiException e) {
                if (ids.size() == 1) {
                    return formatter.format(new Result.Failure(e.describe(),
                            "`imports` and `finetunes` list job IDs.", e.code(), e.requestId(), 1), view);
                }
                lines.add(StatusEmoji.FAILED + " `" + Kit.escape(id) + "`: " + Kit.escape(e.describe())
                        + (e.requestId() == null ? "" : " (request_id `" + Kit.escape(e.requestId()) + "`)"));
            } catch (IOException e) {
                return formatter.problem("Cannot reach DashScope to look up " + id + ": "
                        + e.getClass().getSimpleName() + ".", "Try again in a minute.", view);
            }
        }
        return formatter.note(String.join("\n", lines), view);
    }

    private static String describe(WatchStart start) {
        String job = start.kind().label() + " job `" + Kit.escape(start.jobId()) + "`";
        String state = StatusEmoji.labeled(start.status()) + (start.model() == null ? ""
                : ", model " + Kit.escape(start.model()));
        return switch (start.outcome()) {
            case STARTED -> ":eyes: Watching " + job + " (" + state + "): a message here follows it until it ends.";
            case ALREADY_WATCHING -> ":eyes: This channel already watches " + job + " (" + state + ").";
            case ALREADY_FINISHED -> StatusEmoji.of(start.status()) + " " + capitalized(job) + " has already ended ("
                    + state + "); its final state is posted here.";
        };
    }

    private Reply subscribe(Caller caller, List<String> args, View view) {
        SubscribeArgs parsed = SubscribeArgs.parse(args);
        if (parsed.error() != null) {
            return formatter.problem(parsed.error(), SUBSCRIBE_USAGE, view);
        }
        NotifySubscription sub = following.subscribe(caller.channel(), parsed.kind(), parsed.model(),
                parsed.onlyFailures(), caller.user());
        return formatter.note(StatusEmoji.SUCCESS + " This channel hears when " + describe(sub)
                + " (`" + Kit.escape(sub.id()) + "`). `unsubscribe " + Kit.escape(sub.id()) + "` stops it.", view);
    }

    private Reply unsubscribe(Caller caller, List<String> args, View view) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return formatter.problem("Say which subscription or watch to stop.", UNSUBSCRIBE_USAGE, view);
        }
        String target = SubscribeArgs.kindWord(args.get(0)).map(kind -> kind == JobKind.IMPORT ? "imports" : "finetunes")
                .orElse(args.get(0));
        if (!following.unsubscribe(caller.channel(), target)) {
            return formatter.problem("This channel has no subscription or watch " + target + ".",
                    "`subscriptions` lists what it has.", view);
        }
        return formatter.note(StatusEmoji.SUCCESS + " Stopped " + Kit.escape(target) + " in this channel.", view);
    }

    private Reply list(Caller caller, View view) {
        ChannelSubscriptions all = following.subscriptions(caller.channel());
        if (all.isEmpty()) {
            return formatter.note("This channel has no subscriptions or watches. `subscribe imports` or "
                    + "`watch ID` starts one.", view);
        }
        List<String> lines = new ArrayList<>();
        if (!all.subscriptions().isEmpty()) {
            lines.add("*Subscriptions*");
            all.subscriptions().forEach(sub -> lines.add("`" + Kit.escape(sub.id()) + "`  " + describe(sub)
                    + by(sub.createdBy())));
        }
        if (!all.watches().isEmpty()) {
            lines.add("*Watches*");
            for (ChannelWatch watch : all.watches()) {
                lines.add(StatusEmoji.labeled(watch.lastStatus()) + "  " + watch.kind().label() + " job `"
                        + Kit.escape(watch.jobId()) + "`" + by(watch.userId()));
            }
        }
        return formatter.note(String.join("\n", lines), view);
    }

    /** "every import job ends (model qwen, failures only)" */
    private static String describe(NotifySubscription sub) {
        String filter = (sub.model() == null ? "" : "model " + Kit.escape(sub.model()))
                + (sub.onlyFailures() ? (sub.model() == null ? "" : ", ") + "failures only" : "");
        return "any " + sub.kind().label() + " job ends" + (filter.isEmpty() ? "" : " (" + filter + ")");
    }

    private static String by(String user) {
        return user == null || user.isBlank() ? "" : " · by <@" + Kit.escape(user) + ">";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
