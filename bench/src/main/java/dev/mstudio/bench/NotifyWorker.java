package dev.mstudio.bench;

import com.slack.api.Slack;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.JobKind;
import dev.mstudio.service.JobService;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.Notifier;
import dev.mstudio.slackbot.notify.SlackWebApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The notifying half of the bot, as a process {@link NotifyChaosBench} can kill with -9: the shared
 * watchers (1 s polls) and the notifier over a SQLite store, against the given sandbox and Slack.
 * With {@code --watch}, first watches every job listed in the IDs file, round robin over the
 * channels. Runs until killed; prints "ready" once started.
 *
 * <p>Arguments: SANDBOX_URL SLACK_API_URL DB_FILE IDS_FILE CHANNELS [--watch]
 */
public final class NotifyWorker {
    private NotifyWorker() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(args[0], "sk-bench")).build();
        Slack slack = SlackWebApi.connect(args[1]);
        BotStore store = BotStore.open("jdbc:sqlite:" + args[2]);
        JobService service = JobService.builder(client)
                .watchers(settings -> settings.stateStore(store).fixedInterval(Duration.ofSeconds(1))).build();
        Notifier notifier = Notifier.builder(service.watchers(), service.jobs(), slack.methods("xoxb-bench"), store)
                .build().start();
        if (args.length > 5 && args[5].equals("--watch")) {
            List<String> ids = Files.readAllLines(Path.of(args[3]));
            int channels = Integer.parseInt(args[4]);
            for (int i = 0; i < ids.size(); i++) {
                notifier.watch(NotifyChaosBench.channel(i, channels), JobKind.IMPORT, ids.get(i), "U0BENCH");
            }
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
