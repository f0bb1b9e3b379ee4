package dev.mstudio.slackbot.command;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.slackbot.metrics.BotMetrics;

/**
 * The slash command: parses the text once (the command language's parse, which also says whether
 * the answer is to be shared), acknowledges at once (nothing before the ack touches the network)
 * and runs the parsed command on the {@link Dispatcher}, whose reply goes to the request's response_url.
 */
final class SlashCommands implements SlashCommandHandler {
    private final CommandRunner runner;
    private final BlockFormatter formatter;
    private final Dispatcher dispatcher;
    private final BotMetrics metrics;

    SlashCommands(CommandRunner runner, BlockFormatter formatter, Dispatcher dispatcher, BotMetrics metrics) {
        this.metrics = metrics;
        this.runner = runner;
        this.formatter = formatter;
        this.dispatcher = dispatcher;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        long arrived = System.nanoTime();
        SlashCommandPayload payload = request.getPayload();
        String text = payload.getText() == null ? "" : payload.getText();
        Caller caller = new Caller(payload.getChannelId(), payload.getUserId() == null ? "" : payload.getUserId());
        CommandLanguage.Parsed parsed = runner.parse(text);
        Task task = new Task(text, () -> runner.run(caller, parsed), formatter, runner.view(caller), false);
        dispatcher.submit(payload.getResponseUrl(), task);
        Response ack = parsed.command() != null && parsed.command().shared()
                ? context.ack(response -> response.responseType("in_channel")) : context.ack();
        metrics.acked(java.time.Duration.ofNanos(System.nanoTime() - arrived));
        return ack;
    }
}
