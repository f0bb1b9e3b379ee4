package dev.mstudio.slackbot.command;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.mstudio.command.Result;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the command language's results as Block Kit, within Slack's limits (50 blocks, 3000
 * characters per text). Every message ends with a context line: when it was asked and, for API
 * errors, the service's code and request_id.
 */
final class BlockFormatter {
    static final int MAX_LOG_SECTIONS = 8;

    private final TablePages pages;
    private final Buttons buttons;

    BlockFormatter(TablePages pages, Buttons buttons) {
        this.pages = pages;
        this.buttons = buttons;
    }

    /**
     * Who asked, where and when: admins see the buttons of destructive commands, but never on a
     * message shared with the channel ({@code shared}); the time goes into the context line.
     */
    record View(Caller caller, boolean admin, boolean shared, Instant at) {
        View shared(boolean share) {
            return new View(caller, admin, share, at);
        }
    }

    CommandReply format(Result result, View view) {
        if (result instanceof Result.Table table) {
            String token = table.rows().size() > TableBlocks.ROWS_PER_MESSAGE
                    ? pages.keep(table, view.caller()) : null;
            return tablePage(table, token, 0, view);
        }
        if (result instanceof Result.Detail detail) {
            return finish(Kit.escape(detail.title()), DetailBlocks.render(detail, followUps(detail.followUps(), view)),
                    view, null);
        }
        if (result instanceof Result.LogLines log) {
            return logLines(log, view);
        }
        if (result instanceof Result.Message message) {
            return message(message, view);
        }
        if (result instanceof Result.Failure failure) {
            return failure(failure, view);
        }
        if (result instanceof Result.Confirm confirm) {
            return confirm(confirm, view);
        }
        if (result instanceof Result.Chart chart) {
            return chart(chart, null, view);
        }
        return problem("That command only works in the REPL (./mstudio).", null, view);
    }

    /** One slice of a table kept for the More button. */
    CommandReply tablePage(Result.Table table, String token, int offset, View view) {
        String text = Kit.escape(table.title()) + " (" + table.rows().size() + " rows)";
        List<BlockElement> next = followUps(table.followUps(), view);
        return finish(text, TableBlocks.slice(table, token, offset, next.isEmpty() ? null : next.get(0)), view, null);
    }

    /**
     * The buttons of what a result offers to do next, each holding a token of a kept action.
     * Destructive ones only for an admin, and never on a shared message.
     */
    private List<BlockElement> followUps(List<Result.FollowUp> followUps, View view) {
        List<BlockElement> elements = new ArrayList<>();
        for (Result.FollowUp followUp : followUps) {
            boolean destructive = followUp.command().destructive();
            if (destructive && (!view.admin() || view.shared())) {
                continue;
            }
            String token = buttons.run(view.caller(), followUp.command());
            elements.add(Kit.button(followUp.label(), ActionIds.run(followUp.label()), token,
                    destructive ? "danger" : elements.isEmpty() ? "primary" : null));
        }
        return elements;
    }

    /** A refusal or problem the bot itself found: ":x: text" with a hint. */
    CommandReply problem(String text, String hint, View view) {
        String body = StatusEmoji.FAILED + " *" + Kit.escape(text) + "*"
                + (hint == null || hint.isBlank() ? "" : "\n" + Kit.escape(hint));
        return finish(Kit.escape(text), List.of(Kit.section(body)), view, null);
    }

    /** A plain sentence; {@code mrkdwn} is already escaped where it holds data. */
    CommandReply note(String mrkdwn, View view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        Kit.chunks(List.of(mrkdwn.split("\n", -1)), Kit.MAX_TEXT, "", "").stream().limit(MAX_LOG_SECTIONS)
                .forEach(chunk -> blocks.add(Kit.section(chunk)));
        return finish(mrkdwn.lines().findFirst().orElse(""), blocks, view, null);
    }

    private CommandReply message(Result.Message message, View view) {
        String emoji = switch (message.level()) {
            case SUCCESS -> StatusEmoji.SUCCESS;
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
        List<String> lines = List.of((emoji + " " + Kit.escape(message.text())).split("\n", -1));
        List<LayoutBlock> blocks = new ArrayList<>();
        Kit.chunks(lines, Kit.MAX_TEXT, "", "").stream().limit(MAX_LOG_SECTIONS)
                .forEach(chunk -> blocks.add(Kit.section(chunk)));
        return finish(Kit.escape(message.text()), blocks, view, null);
    }

    private CommandReply failure(Result.Failure failure, View view) {
        String hint = failure.hint() == null ? "" : "\n" + Kit.escape(failure.hint());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Kit.section(StatusEmoji.FAILED + " *" + Kit.escape(failure.message()) + "*" + hint));
        String code = failure.code() == null ? null : "code `" + Kit.escape(failure.code()) + "`";
        return finish(Kit.escape(failure.message()), blocks, view, failure.requestId(), code);
    }

    /** The question, and Yes/No buttons naming one pending action kept for 10 minutes. */
    private CommandReply confirm(Result.Confirm confirm, View view) {
        String token = buttons.confirm(view.caller(), confirm.command());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Kit.section(":warning: " + Kit.escape(confirm.question())));
        blocks.add(Kit.actions(List.of(
                Kit.button("Yes, do it", ActionIds.CONFIRMED, token, "danger"),
                Kit.button("No", ActionIds.DISMISS, token, null))));
        blocks.add(Kit.context(List.of("This confirmation expires in " + Buttons.CONFIRM_TTL.toMinutes()
                + " minutes and works once.")));
        return finish(Kit.escape(confirm.question()), blocks, view, null);
    }

    /**
     * A training curve as a sparkline of its train loss, then the summary (last, lowest, best
     * checkpoint), then what became of its image ({@code image}, null when none was sent): where it
     * went in the context line, or why it is missing in a line of its own.
     */
    CommandReply chart(Result.Chart chart, ChartImage image, View view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Kit.header(chart.title()));
        String spark = Sparkline.of(chart.curve().points().stream().map(p -> p.trainLoss()).toList(), 60);
        if (!spark.isEmpty()) {
            blocks.add(Kit.section("```train loss " + spark + "```"));
        }
        blocks.add(Kit.section(String.join("\n", chart.summary().stream().map(line -> "• " + Kit.escape(line)).toList())));
        if (image != null && image.problem() != null) {
            blocks.add(Kit.section(image.line()));
        }
        String arrived = image != null && image.problem() == null ? image.line() : null;
        return finish(Kit.escape(chart.title()), blocks, view, null, arrived);
    }

    private CommandReply logLines(Result.LogLines log, View view) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Kit.header(log.title()));
        List<String> chunks = Kit.chunks(log.lines().stream().map(line -> line.replace("```", "'''")).toList(),
                Kit.MAX_TEXT, "```", "```");
        int skipped = Math.max(0, chunks.size() - MAX_LOG_SECTIONS);
        chunks.subList(skipped, chunks.size()).forEach(chunk -> blocks.add(Kit.section(chunk)));
        if (log.lines().isEmpty()) {
            blocks.add(Kit.section("_The log is empty._"));
        }
        String range = log.lines().isEmpty() ? log.total() + " lines in all"
                : "lines " + (log.offset() + 1) + "–" + (log.offset() + log.lines().size()) + " of " + log.total();
        blocks.add(Kit.context(List.of(range + (skipped > 0 ? " · earlier lines left out to fit Slack; use --tail N" : ""))));
        return finish(Kit.escape(log.title()), blocks, view, null);
    }

    /**
     * Appends the context line (request time, code and request_id) and builds the reply;
     * {@code fallback} is the notification text, mrkdwn with data already escaped.
     */
    private static CommandReply finish(String fallback, List<LayoutBlock> body, View view, String requestId,
                                       String... extra) {
        List<String> context = new ArrayList<>();
        for (String item : extra) {
            if (item != null) {
                context.add(item);
            }
        }
        if (requestId != null && !requestId.isBlank()) {
            context.add("request_id `" + Kit.escape(requestId) + "`");
        }
        context.add("requested " + Kit.date(view.at()));
        List<LayoutBlock> blocks = new ArrayList<>(body.subList(0, Math.min(body.size(), Kit.MAX_BLOCKS - 1)));
        blocks.add(Kit.context(List.of(String.join(" · ", context))));
        return CommandReply.of(fallback, blocks);
    }
}
