package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Deployment;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.ImportJob;
import dev.mstudio.paging.Jobs;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Completion from the parsed line, over a job index filled by hand. The client points at a port
 * nothing listens on, so any request would fail: completion makes none.
 */
class CompletionTest {
    private static final Instant NOW = Instant.parse("2024-10-29T17:00:00Z");
    private final DashScopeClient client = DashScopeClient.builder()
            .config(ClientConfig.of("http://127.0.0.1:9/api/v1", "sk-x")).maxAttempts(1).build();
    private final Jobs jobs = Jobs.builder(client).build();
    private final Watchers watchers = Watchers.builder(client).build();
    private final Session session = Session.builder(jobs, watchers).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    private final CommandLanguage language = CommandLanguage.standard();

    CompletionTest() {
        jobs.index().record(importJob("937b1e0c-c2fa", "RUNNING", "qwen3-32b-offline-a", "2024-10-29T16:57:00.000+00:00"));
        jobs.index().record(importJob("93aa0000-0001", "FAILED", "qwen3-8b-offline-b", "2024-10-29T14:00:00.000+00:00"));
        jobs.index().record(fineTune("ft-202410291653-1c7f", "RUNNING", "qwen3-32b", "2024-10-29 16:53:00"));
        jobs.index().record(fineTune("ft-202410280900-aaaa", "SUCCEEDED", "qwen-plus", "2024-10-27 09:00:00"));
    }

    @AfterEach
    void close() {
        session.close();
        watchers.close();
        jobs.close();
        client.close();
    }

    private List<Candidate> complete(String line) {
        return language.complete(session, line, line.length());
    }

    private List<String> values(String line) {
        return complete(line).stream().map(Candidate::value).toList();
    }

    @Test
    void emptyLine_offersEveryCommand_withItsDescription() {
        List<Candidate> candidates = complete("");

        assertThat(candidates).extracting(Candidate::value).containsExactlyElementsOf(language.commandNames().stream()
                .filter(name -> !List.of("/subscribe", "/unsubscribe", "/subscriptions").contains(name)).toList());
        assertThat(values("/sub")).as("Slack-only commands are not offered in the REPL").isEmpty();
        assertThat(candidates.get(0)).isEqualTo(new Candidate("/imports", "List import jobs, newest first.", true));
    }

    @Test
    void commandPrefix_offersTheMatchingCommands() {
        assertThat(values("/im")).containsExactly("/imports", "/import");
        assertThat(values("/import")).containsExactly("/imports", "/import");
        assertThat(values("/n")).containsExactly("/next");
        assertThat(values("/wa")).containsExactly("/watch", "/watches", "/wait");
        assertThat(values("fin")).containsExactly("finetunes", "finetune");
        assertThat(values("/zz")).isEmpty();
    }

    @Test
    void options_ofTheCommand_notYetGiven() {
        assertThat(values("/imports --")).containsExactly("--status", "--model", "--page", "--size");
        assertThat(values("/imp")).isNotEmpty();
        assertThat(values("/imports --status RUNNING --s")).containsExactly("--size");
        assertThat(values("/imports ")).containsExactly("--status", "--model", "--page", "--size");
        assertThat(values("/finetune logs ft-1 --")).containsExactly("--tail", "--follow");
    }

    @Test
    void statusValues_areThoseOfTheCommandsKind() {
        assertThat(values("/imports --status ")).containsExactly("PENDING", "RUNNING", "SUCCESSED", "FAILED");
        assertThat(values("/finetunes --status ")).containsExactly("PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED");
        assertThat(values("/finetunes --status s")).containsExactly("SUCCEEDED");
        assertThat(complete("/finetunes --status c").get(0).description()).isEqualTo("fine-tune status");
    }

    @Test
    void fixedValues_afterTheirOptionOrSubcommand() {
        assertThat(values("/import create --weight ")).containsExactly("lora", "full");
        assertThat(values("/set ")).containsExactly("output", "region");
        assertThat(values("/set output ")).containsExactly("table", "json");
        assertThat(values("/set region ")).containsExactly("intl", "cn", "us", "hk");
        assertThat(values("/set region c")).containsExactly("cn");
        assertThat(values("/help /fin")).containsExactly("/finetunes", "/finetune");
    }

    @Test
    void modelNames_seen_afterModelOrBase() {
        assertThat(values("/imports --model ")).containsExactly("qwen3-32b-offline-a", "qwen3-8b-offline-b");
        assertThat(values("/finetunes --model qwen3")).containsExactly("qwen3-32b");
        assertThat(values("/import create --base qwen-")).containsExactly("qwen-plus");
    }

    @Test
    void jobIds_ofTheRightKind_withStatusModelAndAge() {
        assertThat(complete("/import ")).extracting(Candidate::value)
                .containsExactly("create", "delete", "937b1e0c-c2fa", "93aa0000-0001");
        assertThat(complete("/import 937")).containsExactly(
                new Candidate("937b1e0c-c2fa", "RUNNING · qwen3-32b-offline-a · 3 min ago", true));
        assertThat(values("/import delete ")).containsExactly("937b1e0c-c2fa", "93aa0000-0001");
        assertThat(values("/finetune ")).containsExactly("cancel", "delete", "logs", "checkpoints", "metrics",
                "create", "export", "ft-202410280900-aaaa", "ft-202410291653-1c7f");
        assertThat(values("/finetune c")).containsExactly("cancel", "checkpoints", "create");
        assertThat(complete("/finetune logs ft-2024102916")).containsExactly(
                new Candidate("ft-202410291653-1c7f", "RUNNING · qwen3-32b · 7 min ago", true));
        assertThat(complete("/finetune cancel ft-20241028").get(0).description()).isEqualTo("SUCCEEDED · qwen-plus · 2 d ago");
    }

    @Test
    void watchAndWait_offerIdsOfBothKinds_activeOnesWhenAnyMatches() {
        assertThat(values("/watch ")).containsExactly("937b1e0c-c2fa", "ft-202410291653-1c7f");
        assertThat(values("/watch 937b1e0c-c2fa ")).containsExactly("937b1e0c-c2fa", "ft-202410291653-1c7f");
        assertThat(values("/wait ")).containsExactly("937b1e0c-c2fa", "ft-202410291653-1c7f");
        assertThat(values("/wait 9")).containsExactly("937b1e0c-c2fa");
        assertThat(values("/wait x ")).containsExactly("--timeout");
    }

    @Test
    void watchAndWait_offerDeployedModelNames_thoseOnTheirWayFirst() {
        jobs.index().record(deployment("support-v1-a1b2", "DEPLOYING", "2024-10-29T16:57:00.000+00:00"));
        jobs.index().record(deployment("support-v1-zzzz", "RUNNING", "2024-10-29T14:00:00.000+00:00"));

        assertThat(complete("/watch sup")).containsExactly(
                new Candidate("support-v1-a1b2", "DEPLOYING · support-v1 · 3 min ago", true));
        assertThat(values("/wait support-v1-z")).containsExactly("support-v1-zzzz");
        assertThat(values("/watch ")).contains("support-v1-a1b2").doesNotContain("support-v1-zzzz");
    }

    @Test
    void waitWatchAndCancel_noActiveJobMatches_offerTheFinishedOnes() {
        assertThat(complete("/wait 93a")).containsExactly(
                new Candidate("93aa0000-0001", "FAILED · qwen3-8b-offline-b · 3 h ago", true));
        assertThat(values("/watch ft-20241028")).containsExactly("ft-202410280900-aaaa");
        assertThat(values("/finetune cancel ft-20241028")).containsExactly("ft-202410280900-aaaa");
        assertThat(values("/wait zz")).isEmpty();
    }

    @Test
    void finetuneCancel_offersOnlyFineTunesThatCanStillChange_unknownStatusesIncluded() {
        jobs.index().record(fineTune("ft-202410291700-0001", "PENDING", "qwen3-8b", "2024-10-29 17:00:00"));
        jobs.index().record(fineTune("ft-202410291700-0002", "QUEUING", "qwen3-8b", "2024-10-29 17:00:00"));
        jobs.index().record(fineTune("ft-202410291700-0003", "CANCELED", "qwen3-8b", "2024-10-29 17:00:00"));

        assertThat(values("/finetune cancel ")).containsExactly(
                "ft-202410291653-1c7f", "ft-202410291700-0001", "ft-202410291700-0002");
        assertThat(values("/finetune can ft-2024102917")).containsExactly("ft-202410291700-0001", "ft-202410291700-0002");
    }

    @Test
    void otherCommands_stillOfferEveryStatus() {
        assertThat(values("/import delete ")).containsExactly("937b1e0c-c2fa", "93aa0000-0001");
        assertThat(values("/finetune logs ")).containsExactly("ft-202410280900-aaaa", "ft-202410291653-1c7f");
        assertThat(values("/unwatch ")).isEmpty();
    }

    @Test
    void wait_activeJobBehindMoreThanAHundredFinishedOnes_isStillFound() {
        for (int i = 0; i < 250; i++) {
            jobs.index().record(importJob(String.format("b%03d", i), "SUCCESSED", "m", "2024-10-29T16:00:00.000+00:00"));
        }
        jobs.index().record(importJob("b999", "PENDING", "m", "2024-10-29T16:00:00.000+00:00"));

        assertThat(values("/wait b")).containsExactly("b999");
        assertThat(values("/import b")).hasSize(SlotValues.MOST).startsWith("b000").doesNotContain("b999");
        assertThat(values("/wait b0")).hasSize(SlotValues.MOST).startsWith("b000");
    }

    @Test
    void cursorInTheMiddle_completesTheWordBeforeIt() {
        assertThat(language.complete(session, "/imp --status RUNNING", 4)).extracting(Candidate::value)
                .containsExactly("/imports", "/import");
    }

    @Test
    void unknownOrAmbiguousCommand_offersNothingAfterIt() {
        assertThat(values("/imp ")).isEmpty();
        assertThat(values("/nope --")).isEmpty();
    }

    private static ImportJob importJob(String id, String status, String model, String created) {
        return new ImportJob(id, model, null, status, "OSS", null, null, null, created, null);
    }

    private static Deployment deployment(String id, String status, String created) {
        return new Deployment(id, "support-v1", "qwen3-14b", status, 1, 0, 1, "post_paid", null, created, created,
                null, null, null);
    }

    private static FineTuneJob fineTune(String id, String status, String model, String created) {
        return new FineTuneJob(id, id, status, null, model, model, List.of(), List.of(), null, "sft", created,
                null, null, null, null, null, null, null, null, null, null);
    }
}
