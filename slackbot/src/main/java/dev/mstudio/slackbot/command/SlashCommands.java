package dev.mstudio.slackbot.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * The slash command: acknowledges at once (nothing before the ack touches the network) and runs the
 * command on the {@link Dispatcher}, whose reply goes to the request's response_url.
 */
final class SlashCommands implements SlashCommandHandler {
    private final CommandRunner runner;
    private final BlockFormatter formatter;
    private final Dispatcher dispatcher;

    SlashCommands(CommandRunner runner, BlockFormatter formatter, Dispatcher dispatcher) {
        this.runner = runner;
        this.formatter = formatter;
        this.dispatcher = dispatcher;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        String text = payload.getText() == null ? "" : payload.getText();
        Caller caller = new Caller(payload.getChannelId(), payload.getUserId() == null ? "" : payload.getUserId());
        Task task = new Task(text, () -> runner.run(caller, text), formatter, runner.view(caller), false);
        dispatcher.submit(payload.getResponseUrl(), task);
        if (Line.shared(text)) {
            return context.ack(response -> response.responseType("in_channel"));
        }
        return context.ack();
    }
}
