package dev.mstudio.slackbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import dev.mstudio.command.CommandLanguage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTest {
    private static final List<String> CORE = CommandLanguage.standard().commandNames();

    @Test
    void parse_destructiveCommandsAndTheirPrefixes_areDestructive() {
        for (String text : List.of("import delete a", "import d a", "/import create --base m", "import cr",
                "finetune cancel ft-1", "finetune c ft-1", "finetune del ft-1 --yes", "IMPORT DELETE a")) {
            assertThat(Line.parse(text, CORE).kind()).as(text).isEqualTo(Line.Kind.DESTRUCTIVE);
        }
    }

    @Test
    void parse_readOnlyJobCommands_areCore() {
        for (String text : List.of("import 937b-1", "finetune ft-1", "finetune logs ft-1 --tail 5", "imports",
                "finetune checkpoints ft-1", "wait ft-1", "next")) {
            assertThat(Line.parse(text, CORE).kind()).as(text).isEqualTo(Line.Kind.CORE);
        }
    }

    @Test
    void parse_botAndReplOnlyCommands_areSortedOut() {
        assertThat(Line.parse("watch ft-1", CORE).kind()).isEqualTo(Line.Kind.BOT);
        assertThat(Line.parse("subscribe imports", CORE).kind()).isEqualTo(Line.Kind.BOT);
        assertThat(Line.parse("subscriptions", CORE).kind()).isEqualTo(Line.Kind.BOT);
        assertThat(Line.parse("unsub imports", CORE).command()).isEqualTo("unsubscribe");
        assertThat(Line.parse("set output json", CORE).kind()).isEqualTo(Line.Kind.REPL_ONLY);
        assertThat(Line.parse("/open x.txt", CORE).kind()).isEqualTo(Line.Kind.REPL_ONLY);
        assertThat(Line.parse("finetune logs ft-1 --follow", CORE).kind()).isEqualTo(Line.Kind.FOLLOW);
        assertThat(Line.parse("help import", CORE).kind()).isEqualTo(Line.Kind.HELP);
        assertThat(Line.parse("  ", CORE).kind()).isEqualTo(Line.Kind.EMPTY);
    }

    @Test
    void parse_ambiguousPrefix_listsTheCandidates() {
        Line line = Line.parse("sub imports", CORE);

        assertThat(line.kind()).isEqualTo(Line.Kind.AMBIGUOUS);
        assertThat(line.matches()).containsExactlyInAnyOrder("subscribe", "subscriptions");
    }

    @Test
    void parse_publicFlag_isRemovedAndRemembered() {
        Line line = Line.parse("imports --public --status RUNNING", CORE);

        assertThat(line.inChannel()).isTrue();
        assertThat(line.text()).isEqualTo("imports --status RUNNING");
        assertThat(Line.parse("imports --in-channel", CORE).inChannel()).isTrue();
        assertThat(Line.parse("imports --publicity", CORE).inChannel()).isFalse();
    }

    @Test
    void parse_slackEscapes_areUndone() {
        assertThat(Line.parse("import create --name a&amp;b &lt;x&gt;", CORE).text())
                .isEqualTo("import create --name a&b <x>");
    }

    @Test
    void withoutYes_removesOnlyTheFlag() {
        assertThat(Line.parse("import delete a --yes", CORE).withoutYes()).isEqualTo("import delete a");
    }

    @Test
    void subscribeArgs_parseKindModelAndFailures() {
        SubscribeArgs args = SubscribeArgs.parse(List.of("finetunes", "--model", "qwen", "--only", "failures"));

        assertThat(args.error()).isNull();
        assertThat(args.kind()).isEqualTo(JobKind.FINETUNE);
        assertThat(args.model()).isEqualTo("qwen");
        assertThat(args.onlyFailures()).isTrue();
        assertThat(SubscribeArgs.parse(List.of("imp", "--model=m")).kind()).isEqualTo(JobKind.IMPORT);
        assertThat(SubscribeArgs.parse(List.of("--only", "successes", "imports")).error()).contains("--only");
    }
}
