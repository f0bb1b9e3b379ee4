package dev.mstudio.slackbot.command;

import dev.mstudio.slackbot.command.BlockFormatter.View;
import java.time.Duration;
import java.util.function.Supplier;

/** {@link Work} whose answer comes from a supplier, with the bot's stock replies for the other outcomes. */
final class Task implements Work {
    private final String what;
    private final Supplier<CommandReply> answer;
    private final BlockFormatter formatter;
    private final View view;
    private final boolean replacing;

    /**
     * @param what      what was asked, as the user wrote it, for the timeout message
     * @param replacing whether every reply replaces the message whose button was clicked
     */
    Task(String what, Supplier<CommandReply> answer, BlockFormatter formatter, View view, boolean replacing) {
        this.what = what;
        this.answer = answer;
        this.formatter = formatter;
        this.view = view;
        this.replacing = replacing;
    }

    @Override
    public CommandReply run() {
        return shaped(answer.get());
    }

    @Override
    public CommandReply late(Duration limit) {
        return shaped(formatter.problem("`" + Kit.clip(what, 200) + "` did not finish within "
                + limit.toSeconds() + " s, so I stopped waiting.",
                "DashScope is slow or unreachable right now; try again in a minute. "
                        + "To hear when a job ends, use `watch ID`.", view));
    }

    @Override
    public CommandReply busy() {
        return shaped(formatter.problem("I am busy with other requests and could not take this one.",
                "Try again in a moment.", view));
    }

    @Override
    public CommandReply broken(RuntimeException error) {
        return shaped(formatter.problem("Internal error: something failed that should not have.",
                "This is a bug in the mstudio bot; please report it with the command you ran.", view));
    }

    private CommandReply shaped(CommandReply reply) {
        return replacing ? reply.replacing() : reply;
    }
}
