package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every command and form of the language parses to the right path and values; no network involved. */
class ParserTest {
    private final Parser parser = new Parser(Grammar.standard());

    private Command parse(String line) throws Rejected {
        return parser.parse(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/imports --status RUNNING --model qwen3-32b --page 2 --size 20 | imports",
            "/import 937b-c2fa | import",
            "/import create --base qwen3-32b --weight lora --bucket b --key m/ --name x | import create",
            "/import delete 937b --yes | import delete",
            "/finetunes --model qwen3-8b --status CANCELED --page 1 --size 5 | finetunes",
            "/finetune ft-202410291653-1c7f | finetune",
            "/finetune cancel ft-1 --yes | finetune cancel",
            "/finetune delete ft-1 | finetune delete",
            "/finetune logs ft-1 --tail 5 --follow | finetune logs",
            "/finetune checkpoints ft-1 | finetune checkpoints",
            "/next | next",
            "/prev | prev",
            "/watch a b c | watch",
            "/watch --imports --model qwen3-32b | watch",
            "/watch --finetunes | watch",
            "/unwatch a | unwatch",
            "/unwatch --all | unwatch",
            "/watches | watches",
            "/wait ft-1 --timeout 5m | wait",
            "/set output json | set output",
            "/set region cn | set region",
            "/history | history",
            "/open script.txt | open",
            "/help | help",
            "/help import create | help",
            "/exit | exit",
            "/exit 3 | exit",
    })
    void parse_everyCommand_givesItsPath(String line, String path) throws Rejected {
        assertThat(parse(line).path()).isEqualTo(path);
    }

    @Test
    void parse_listing_typesEveryValue() throws Rejected {
        Command invocation = parse("/imports --status running --model qwen3-32b --page 2 --size 20");

        assertThat(invocation.values()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "--status", "RUNNING", "--model", "qwen3-32b", "--page", 2, "--size", 20));
        assertThat(invocation.slash()).isTrue();
    }

    @Test
    void parse_withoutSlash_asTheSlackBotSendsIt() throws Rejected {
        Command invocation = parse("imports --status RUNNING");

        assertThat(invocation.path()).isEqualTo("imports");
        assertThat(invocation.get(Declarations.STATUS)).isEqualTo("RUNNING");
        assertThat(invocation.slash()).isFalse();
    }

    @Test
    void parse_optionWithEquals_isTheSameAsWithSpace() throws Rejected {
        assertThat(parse("/imports --status=FAILED --size=3").values())
                .isEqualTo(parse("/imports --status FAILED --size 3").values());
    }

    @Test
    void parse_quotedValue_keepsSpacesAndEquals() throws Rejected {
        Command invocation = parse("/import create --base qwen3-32b --weight FULL --bucket b --key 'a b/' "
                + "--name \"My --x=1 model\"");

        assertThat(invocation.get(Declarations.NAME)).isEqualTo("My --x=1 model");
        assertThat(invocation.get(Declarations.KEY)).isEqualTo("a b/");
        assertThat(invocation.get(Declarations.WEIGHT)).isEqualTo("full");
    }

    @Test
    void parse_uniquePrefixes_ofCommandsAndSubcommands() throws Rejected {
        assertThat(parse("/n").path()).isEqualTo("next");
        assertThat(parse("/p").path()).isEqualTo("prev");
        assertThat(parse("/wai x").path()).isEqualTo("wait");
        assertThat(parse("/watche").path()).isEqualTo("watches");
        assertThat(parse("/finetune ca ft-1").path()).isEqualTo("finetune cancel");
        assertThat(parse("/finetune ch ft-1").path()).isEqualTo("finetune checkpoints");
        assertThat(parse("/import del x").path()).isEqualTo("import delete");
        assertThat(parse("/se o json").path()).isEqualTo("set output");
    }

    @Test
    void parse_exactNames_winOverLongerOnes() throws Rejected {
        assertThat(parse("/import x").path()).isEqualTo("import");
        assertThat(parse("/imports").path()).isEqualTo("imports");
        assertThat(parse("/finetune ft-1").path()).isEqualTo("finetune");
        assertThat(parse("/finetunes").path()).isEqualTo("finetunes");
        assertThat(parse("/watch x").path()).isEqualTo("watch");
        assertThat(parse("/IMPORTS").path()).isEqualTo("imports");
    }

    @Test
    void parse_jobIdThatIsNoSubcommandPrefix_isTheId() throws Rejected {
        Command invocation = parse("/import d4e5f6a0-1234-4c8e-9d2b-c2fa");

        assertThat(invocation.path()).isEqualTo("import");
        assertThat(invocation.get(Declarations.ID)).isEqualTo("d4e5f6a0-1234-4c8e-9d2b-c2fa");
    }

    @Test
    void parse_repeatablePositional_keepsEveryId() throws Rejected {
        assertThat(parse("/watch a b ft-1").get(Declarations.IDS)).containsExactly("a", "b", "ft-1");
    }

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "5m, PT5M", "1h, PT1H", "PT5M, PT5M", "500ms, PT0.5S", "90, PT1M30S", "2d, PT48H"})
    void parse_timeout_acceptsShortAndIsoDurations(String typed, String expected) throws Rejected {
        assertThat(parse("/wait x --timeout " + typed).get(Declarations.TIMEOUT)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void parse_exitStatus_isANumber() throws Rejected {
        assertThat(parse("/exit 3").get(Declarations.EXIT_STATUS, 0)).isEqualTo(3);
        assertThat(parse("/exit").values()).isEmpty();
    }

    @Test
    void canonical_writesTheCommandInFull() throws Rejected {
        assertThat(parse("/import del 937b").with(Declarations.YES, true).canonical())
                .isEqualTo("/import delete 937b --yes");
        assertThat(parse("finetune ca ft-1").with(Declarations.YES, true).canonical())
                .isEqualTo("finetune cancel ft-1 --yes");
        assertThat(parse("/import delete 937b --yes").with(Declarations.YES, true).canonical())
                .isEqualTo("/import delete 937b --yes");
    }

    @Test
    void parse_helpTopic_keepsEveryWord() throws Rejected {
        assertThat(parse("/help import create").get(Declarations.TOPIC)).isEqualTo(List.of("import", "create"));
    }

    @Test
    void parse_atFile_isNotExpanded() throws Rejected {
        assertThat(parse("/import @ids.txt").get(Declarations.ID)).isEqualTo("@ids.txt");
    }

    @Test
    void parse_fromManyThreads_givesWhatItGivesAlone() throws Exception {
        List<String> lines = List.of("/imports --status RUNNING --size 5", "/finetune logs ft-1 --tail 3",
                "/watch a b c", "/wait x --timeout 5m", "/set region cn", "/import create --base m --weight lora "
                        + "--bucket b --key k/");
        List<Map<String, Object>> alone = new java.util.ArrayList<>();
        for (String line : lines) {
            alone.add(parse(line).values());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int n = i % lines.size();
                        if (!parse(lines.get(n)).values().equals(alone.get(n))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Result.Failure reject(Parser parser, String line) {
        Rejected rejected = catchThrowableOfType(Rejected.class, () -> parser.parse(line));
        assertThat(rejected).as("parse of %s", line).isNotNull();
        return rejected.failure();
    }
}
