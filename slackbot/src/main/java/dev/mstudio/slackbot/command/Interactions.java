package dev.mstudio.slackbot.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.function.Supplier;

/**
 * The buttons the bot renders: More (next slice of a long table), Refresh, Watch and Next page
 * (run a line), the confirmations of destructive commands (admins only, checked again here), and
 * No (drop a confirmation). Each acknowledges at once and answers through the click's response_url.
 */
final class Interactions {
    private final CommandRunner runner;
    private final BlockFormatter formatter;
    private final Dispatcher dispatcher;

    Interactions(CommandRunner runner, BlockFormatter formatter, Dispatcher dispatcher) {
        this.runner = runner;
        this.formatter = formatter;
        this.dispatcher = dispatcher;
    }

    void register(App app) {
        app.blockAction(ActionIds.MORE, this::more);
        app.blockAction(ActionIds.RUN, this::run);
        app.blockAction(ActionIds.CONFIRMED_ANY, this::confirmed);
        app.blockAction(ActionIds.DISMISS, this::dismiss);
    }

    private Response more(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        submit(click, () -> runner.more(click.caller(), click.value()), true);
        return context.ack();
    }

    private Response run(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        boolean replacing = !ActionIds.WATCH.equals(click.actionId());
        submit(click, () -> runner.run(click.caller(), click.value()), replacing);
        return context.ack();
    }

    private Response confirmed(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        submit(click, () -> runner.runConfirmed(click.caller(), click.value()), true);
        return context.ack();
    }

    private Response dismiss(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        submit(click, () -> formatter.note(":ok_hand: Nothing was changed.", runner.view(click.caller())), true);
        return context.ack();
    }

    private void submit(Click click, Supplier<Reply> answer, boolean replacing) {
        Task task = new Task(click.value(), answer, formatter, runner.view(click.caller()), replacing);
        dispatcher.submit(click.responseUrl(), task);
    }

    /** The parts of a block_actions payload the bot uses. */
    record Click(String actionId, String value, Caller caller, String responseUrl) {
        static Click of(BlockActionPayload payload) {
            BlockActionPayload.Action action = payload.getActions() == null || payload.getActions().isEmpty()
                    ? new BlockActionPayload.Action() : payload.getActions().get(0);
            String channel = payload.getChannel() != null ? payload.getChannel().getId()
                    : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
            String user = payload.getUser() != null && payload.getUser().getId() != null ? payload.getUser().getId() : "";
            return new Click(action.getActionId(), action.getValue() == null ? "" : action.getValue(),
                    new Caller(channel, user), payload.getResponseUrl());
        }
    }
}
