package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import dev.mstudio.sandbox.Stats;
import dev.mstudio.testkit.Spellings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one policy check: decided on the parsed command, so no spelling, quoting, escaping, prefix,
 * case, whitespace or option order gets a destructive command past it, or a REPL-only one into Slack.
 */
class PolicyTest {
    private static final Context STRANGER = Context.slack("U0STRANGER", "C0TEST", false, "Ask an admin.");
    private static final Context SLACK_ADMIN = Context.slack("U0ADMIN", "C0TEST", true, "");
    private final Fixture fixture = new Fixture(12, 8);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void policies_ofEveryCommand_arePinned() {
        Map<String, String> table = new TreeMap<>();
        for (CommandLanguage.Policy policy : CommandLanguage.standard().policies()) {
            table.put(policy.path(), (policy.destructive() ? "destructive " : "") + new TreeMap<>(
                    Map.of("repl", policy.surfaces().contains(Surface.REPL), "slack",
                            policy.surfaces().contains(Surface.SLACK))));
        }

        assertThat(table).containsOnlyKeys("imports", "import", "import create", "import delete", "finetunes",
                "finetune", "finetune cancel", "finetune delete", "finetune logs", "finetune checkpoints", "finetune metrics", "next",
                "prev", "watch", "unwatch", "watches", "wait", "set output", "set region", "history", "open", "help",
                "exit", "subscribe", "unsubscribe", "subscriptions", "files", "file", "file upload", "file delete",
                "finetune create", "finetune export", "deployments", "deployment", "deployment scale",
                "deployment delete", "deploy");
        assertThat(table).containsEntry("file upload", "destructive {repl=true, slack=false}")
                .containsEntry("finetune create", "destructive {repl=true, slack=true}")
                .containsEntry("finetune export", "destructive {repl=true, slack=true}")
                .containsEntry("deploy", "destructive {repl=true, slack=true}")
                .containsEntry("deployment scale", "destructive {repl=true, slack=true}")
                .containsEntry("deployment delete", "destructive {repl=true, slack=true}")
                .containsEntry("file delete", "destructive {repl=true, slack=true}");
        assertThat(table).containsEntry("import create", "destructive {repl=true, slack=true}")
                .containsEntry("import delete", "destructive {repl=true, slack=true}")
                .containsEntry("finetune cancel", "destructive {repl=true, slack=true}")
                .containsEntry("finetune delete", "destructive {repl=true, slack=true}")
                .containsEntry("history", "{repl=true, slack=false}").containsEntry("open", "{repl=true, slack=false}")
                .containsEntry("set output", "{repl=true, slack=false}").containsEntry("exit", "{repl=true, slack=false}")
                .containsEntry("subscribe", "{repl=false, slack=true}")
                .containsEntry("subscriptions", "{repl=false, slack=true}")
                .containsEntry("imports", "{repl=true, slack=true}");
    }

    @Test
    void destructive_inEverySpelling_byANonAdminInSlack_isRefused_andNothingReachesTheApi() {
        String ended = fixture.first(JobKind.IMPORT, "SUCCESSED");
        String running = fixture.first(JobKind.FINETUNE, "RUNNING");
        List<String> lines = Spellings.destructive(ended, running);
        long before = changing(fixture.sandbox.stats());

        for (String line : lines) {
            Result result = fixture.language.run(fixture.session, line, STRANGER);
            assertThat(result).as(line).isInstanceOf(Result.Failure.class);
        }

        assertThat(lines).hasSizeGreaterThanOrEqualTo(80);
        assertThat(changing(fixture.sandbox.stats())).isEqualTo(before).isZero();
    }

    @Test
    void replOnly_inEverySpelling_isRefusedInSlack_evenForAnAdmin() {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");
        List<String> lines = Spellings.replOnly(id);

        for (String line : lines) {
            Result result = fixture.language.run(fixture.session, line, SLACK_ADMIN);
            assertThat(result).as(line).isInstanceOf(Result.Failure.class);
            assertThat(((Result.Failure) result).message()).as(line)
                    .containsAnyOf("works only in the REPL", "Unknown command", "Ambiguous", "Invalid", "Missing",
                            "Unclosed", "Unexpected", "Unknown option");
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(7 * 20);
        assertThat(fixture.session.jsonOutput()).isFalse();
    }

    @Test
    void slackOnly_isRefusedInTheRepl() {
        Result.Failure failure = (Result.Failure) fixture.run("/subscribe imports");

        assertThat(failure.message()).isEqualTo("/subscribe works only in Slack (the mstudio bot).");
    }

    @Test
    void randomMutationsOfDestructiveLines_neverReachTheApi_andNeverChangeWhatTheLineMeans() {
        String ended = fixture.first(JobKind.IMPORT, "SUCCESSED");
        String running = fixture.first(JobKind.FINETUNE, "RUNNING");
        List<String> bases = List.of("import delete " + ended + " --yes", "finetune cancel " + running + " --yes",
                "finetune delete " + running, "import create --base m --weight lora --bucket b --key k/ --yes");
        Set<String> destructive = Set.of("import delete", "finetune cancel", "finetune delete", "import create");
        Random random = new Random(20261129);
        int parsed = 0;

        for (int i = 0; i < 5_000; i++) {
            String line = Spellings.mutate(bases.get(i % bases.size()), random);
            CommandLanguage.Parsed parse = fixture.language.parse(line);
            if (parse.command() != null) {
                parsed++;
                assertThat(parse.command().path()).as(line).isIn(destructive);
                assertThat(parse.command().destructive()).as(line).isTrue();
            }
            assertThat(fixture.language.run(fixture.session, line, STRANGER)).as(line)
                    .isInstanceOf(Result.Failure.class);
        }

        assertThat(parsed).isGreaterThan(1_000);
        assertThat(changing(fixture.sandbox.stats())).isZero();
    }

    @Test
    void destructive_byAnAdminInSlack_isConfirmedEvenWithYes_andRunsOnlyWhenConfirmed() {
        String ended = fixture.first(JobKind.IMPORT, "SUCCESSED");

        Result asked = fixture.language.run(fixture.session, "import delete " + ended + " --yes", SLACK_ADMIN);

        assertThat(asked).isInstanceOf(Result.Confirm.class);
        assertThat(changing(fixture.sandbox.stats())).isZero();
        Command confirmed = ((Result.Confirm) asked).command();
        assertThat(fixture.language.runConfirmed(fixture.session, confirmed, STRANGER))
                .isInstanceOf(Result.Failure.class);
        assertThat(changing(fixture.sandbox.stats())).isZero();
        assertThat(fixture.language.runConfirmed(fixture.session, confirmed, SLACK_ADMIN))
                .isInstanceOf(Result.Message.class);
        assertThat(fixture.sandbox.stats().count("DELETE /api/v1/custom_models/import/{job_id}")).isEqualTo(1);
    }

    @Test
    void limits_longLines_longModelNames_andTooManyWatchIds_areRefused() {
        assertThat(fixture.run("/imports --model " + "m".repeat(4_000))).isInstanceOf(Result.Failure.class);
        assertThat(((Result.Failure) fixture.run("/imports --model " + "m".repeat(257))).message())
                .contains("at most 256 characters");
        assertThat(fixture.run("/imports --model " + "m".repeat(256))).isInstanceOf(Result.Table.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            ids.add("job-" + i);
        }
        assertThat(((Result.Failure) fixture.run("/watch " + String.join(" ", ids))).message())
                .isEqualTo("At most 50 job IDs at once; 51 were given.");
        assertThat(fixture.language.parse("/watch " + "a ".repeat(60)).command().get(Declarations.IDS))
                .containsExactly("a");
        assertThat(fixture.sandbox.stats().total()).as("only the listing within the limit").isEqualTo(1);
    }

    @Test
    void handler_readingAnArgumentItsCommandDoesNotDeclare_failsAtOnce() {
        Command imports = fixture.language.parse("imports").command();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.get(Declarations.ID))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("/imports declares no ID");
    }

    private static long changing(Stats stats) {
        return stats.requests().entrySet().stream().filter(entry -> !entry.getKey().startsWith("GET "))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
