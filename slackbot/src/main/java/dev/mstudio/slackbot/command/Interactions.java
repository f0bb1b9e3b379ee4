package dev.mstudio.slackbot.command;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.function.Supplier;

/**
 * The buttons the bot renders: More (next slice of a long table), the kept commands (Refresh,
 * Watch, Next page, Delete...), Yes on a pending confirmation (admins only, once) and No. Every
 * value is a token the bot issued; what runs, and who may run it, is read from the bot's store and
 * decided by the command language, never from the click. A click on someone else's message is
 * answered to the clicker alone and never replaces it. Each acknowledges at once.
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
        app.blockAction(ActionIds.CONFIRMED, this::confirmed);
        app.blockAction(ActionIds.DISMISS, this::dismiss);
    }

    private Response more(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        submit(click, () -> runner.more(click.caller(), click.value()), runner.owns(click.caller(), click.value()));
        return context.ack();
    }

    private Response run(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        boolean replacing = !click.actionId().equals(ActionIds.run("Watch")) && runner.owns(click.caller(), click.value());
        submit(click, () -> runner.runButton(click.caller(), click.value()), replacing);
        return context.ack();
    }

    private Response confirmed(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        submit(click, () -> runner.confirm(click.caller(), click.value()), runner.owns(click.caller(), click.value()));
        return context.ack();
    }

    private Response dismiss(BlockActionRequest request, ActionContext context) {
        Click click = Click.of(request.getPayload());
        submit(click, () -> runner.dismiss(click.caller(), click.value()), runner.owns(click.caller(), click.value()));
        return context.ack();
    }

    private void submit(Click click, Supplier<CommandReply> answer, boolean replacing) {
        if (click.responseUrl() == null || click.responseUrl().isBlank()) {
            return;
        }
        Task task = new Task("the button", answer, formatter, runner.view(click.caller()), replacing);
        dispatcher.submit(click.responseUrl(), task);
    }

    /** The parts of a block_actions payload the bot uses; missing parts are empty, never null. */
    record Click(String actionId, String value, Caller caller, String responseUrl) {
        static Click of(BlockActionPayload payload) {
            BlockActionPayload.Action action = payload.getActions() == null || payload.getActions().isEmpty()
                    || payload.getActions().get(0) == null ? new BlockActionPayload.Action() : payload.getActions().get(0);
            String channel = payload.getChannel() != null ? payload.getChannel().getId()
                    : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
            String user = payload.getUser() != null && payload.getUser().getId() != null ? payload.getUser().getId() : "";
            return new Click(action.getActionId() == null ? "" : action.getActionId(),
                    action.getValue() == null ? "" : action.getValue(), new Caller(channel, user),
                    payload.getResponseUrl());
        }
    }
}
