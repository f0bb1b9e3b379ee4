package dev.mstudio.command;

import static dev.mstudio.command.ParserTest.reject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a line can fail to parse: a precise one-line message and the usage (or a fix) as the hint. */
class ParseErrorTest {
    private final Parser parser = new Parser(Grammar.standard());

    @Test
    void unknownCommand_suggestsTheNearest() {
        Result.Failure failure = reject(parser, "/improts --status RUNNING");

        assertThat(failure.message()).isEqualTo("Unknown command /improts. Did you mean /imports?");
        assertThat(failure.hint()).isEqualTo("Type /help for the list of commands.");
        assertThat(failure.exitCode()).isEqualTo(1);
    }

    @Test
    void unknownCommand_farFromEveryName_suggestsNothing() {
        assertThat(reject(parser, "/xyzzy").message()).isEqualTo("Unknown command /xyzzy.");
        assertThat(reject(parser, "finetuens").message()).isEqualTo("Unknown command /finetuens. Did you mean /finetunes?");
    }

    @Test
    void ambiguousPrefix_listsEveryCandidate_jshellStyle() {
        Result.Failure imp = reject(parser, "/imp");
        Result.Failure fine = reject(parser, "/fine --status RUNNING");

        assertThat(imp.message()).isEqualTo("Ambiguous command /imp: it could be /import, /imports.");
        assertThat(imp.hint()).isEqualTo("Type more of the name: /import or /imports.");
        assertThat(fine.message()).isEqualTo("Ambiguous command /fine: it could be /finetune, /finetunes.");
        assertThat(reject(parser, "/w").message()).isEqualTo("Ambiguous command /w: it could be /wait, /watch, /watches.");
    }

    @Test
    void ambiguousSubcommand_listsItsCandidates() {
        Result.Failure failure = reject(parser, "/finetune c ft-1");

        assertThat(failure.message()).isEqualTo("Ambiguous subcommand c of /finetune: it could be cancel, checkpoints, create.");
        assertThat(failure.hint()).startsWith("Usage: /finetune ID | /finetune cancel ID [--yes]");
    }

    @Test
    void missingPositional_namesItWithTheUsage() {
        Result.Failure failure = reject(parser, "/import delete --yes");

        assertThat(failure.message()).isEqualTo("Missing ID for /import delete.");
        assertThat(failure.hint()).isEqualTo("Usage: /import delete ID [--yes]");
        assertThat(reject(parser, "/wait").message()).isEqualTo("Missing ID for /wait.");
        assertThat(reject(parser, "/open").hint()).isEqualTo("Usage: /open FILE");
    }

    @Test
    void missingRequiredOptions_areAllNamed() {
        Result.Failure failure = reject(parser, "/import create --base qwen3-32b");

        assertThat(failure.message()).isEqualTo("Missing --weight lora|full, --bucket B, --key PREFIX/ for /import create.");
        assertThat(failure.hint())
                .isEqualTo("Usage: /import create --base MODEL --weight lora|full --bucket B --key PREFIX/ [--name TEXT] [--yes]");
    }

    @Test
    void missingOptionValue_namesTheOption() {
        assertThat(reject(parser, "/imports --status").message()).isEqualTo("Missing value for --status (S) in /imports.");
        assertThat(reject(parser, "/imports --status --size 3").message())
                .isEqualTo("Missing value for --status (S) in /imports.");
    }

    @Test
    void missingJobIdOrSubcommand_ofAParent() {
        Result.Failure imports = reject(parser, "/import");
        Result.Failure set = reject(parser, "/set");

        assertThat(imports.message()).isEqualTo("Missing job ID or subcommand (create, delete) for /import.");
        assertThat(imports.hint()).isEqualTo("Usage: /import ID | /import create --base MODEL --weight lora|full "
                + "--bucket B --key PREFIX/ [--name TEXT] [--yes] | /import delete ID [--yes]");
        assertThat(set.message()).isEqualTo("Missing subcommand (output, region) for /set.");
        assertThat(set.hint()).isEqualTo("Usage: /set output table|json | /set region R");
    }

    @Test
    void badStatus_listsTheStatusesOfTheRightKind() {
        Result.Failure imports = reject(parser, "/imports --status SUCCEEDED");
        Result.Failure fineTunes = reject(parser, "/finetunes --status SUCCESSED");

        assertThat(imports.message())
                .isEqualTo("Invalid import status 'SUCCEEDED'. Valid values: PENDING, RUNNING, SUCCESSED, FAILED.");
        assertThat(imports.hint()).isEqualTo("Usage: /imports [--status S] [--model NAME] [--page N] [--size N]");
        assertThat(fineTunes.message()).isEqualTo(
                "Invalid fine-tune status 'SUCCESSED'. Valid values: PENDING, RUNNING, SUCCEEDED, FAILED, CANCELED.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/import create --base m --weight half --bucket b --key k/ | Invalid weight type 'half'. Valid values: lora, full.",
            "/set region eu | Invalid region 'eu'. Valid values: intl, cn, us, hk.",
            "/set output xml | Invalid output 'xml'. Valid values: table, json.",
            "/imports --size 0 | --size must be from 1 to 100, got 0.",
            "/finetunes --size 101 | --size must be from 1 to 100, got 101.",
            "/imports --page 0 | --page must be from 1 to 1000000, got 0.",
            "/imports --size ten | --size must be a whole number from 1 to 100, got 'ten'.",
            "/finetune logs ft-1 --tail 5000 | --tail must be from 1 to 1000, got 5000.",
            "/exit 256 | N must be from 0 to 255, got 256.",
            "/wait x --timeout soon | Invalid --timeout 'soon'. Use a positive duration such as 30s, 5m, 1h or PT5M.",
            "/wait x --timeout 0s | Invalid --timeout '0s'. Use a positive duration such as 30s, 5m, 1h or PT5M.",
    })
    void badValue_saysWhatIsValid(String line, String message) {
        Result.Failure failure = reject(parser, line);

        assertThat(failure.message()).isEqualTo(message);
        assertThat(failure.hint()).startsWith("Usage: /");
    }

    @Test
    void jobIdThatWouldChangeTheUrl_isRefused() {
        Result.Failure failure = reject(parser, "/import ..");

        assertThat(failure.message()).isEqualTo("Invalid job ID '..': job IDs look like 937b1e0c-... or ft-202410291653-1c7f.");
        assertThat(failure.hint()).isEqualTo("Usage: /import ID | /import create --base MODEL --weight lora|full "
                + "--bucket B --key PREFIX/ [--name TEXT] [--yes] | /import delete ID [--yes]");
        assertThat(reject(parser, "/watch ok //").message()).startsWith("Invalid job ID '//'");
        assertThat(reject(parser, "/finetune logs a?b").message()).startsWith("Invalid job ID 'a?b'");
    }

    @Test
    void unknownOption_suggestsTheNearestOfThatCommand() {
        Result.Failure failure = reject(parser, "/import create --bse qwen3-32b");

        assertThat(failure.message()).isEqualTo("Unknown option --bse for /import create. Did you mean --base?");
        assertThat(reject(parser, "/imports --colour red").message()).isEqualTo("Unknown option --colour for /imports.");
    }

    @Test
    void unknownSubcommand_ofSet_listsThem() {
        assertThat(reject(parser, "/set outptu json").message())
                .isEqualTo("Unknown subcommand outptu for /set; it takes output, region. Did you mean output?");
    }

    @Test
    void extraArguments_areRefused() {
        assertThat(reject(parser, "/import a b").message()).isEqualTo("Unexpected argument 'b' for /import.");
        assertThat(reject(parser, "/next 2").message()).isEqualTo("Unexpected argument '2' for /next.");
        assertThat(reject(parser, "/import a delete b").message()).isEqualTo("Unexpected ID 'a' before delete.");
    }

    @Test
    void repeatedOption_isRefused() {
        assertThat(reject(parser, "/imports --status RUNNING --status FAILED").message())
                .isEqualTo("--status was given twice for /imports; give it once.");
    }

    @Test
    void unclosedQuote_andBareSlash_areRefused() {
        Result.Failure quote = reject(parser, "/import create --name 'half");

        assertThat(quote.message()).isEqualTo("Unclosed quote in: /import create --name 'half");
        assertThat(quote.hint()).isNotBlank();
        assertThat(reject(parser, "/").message()).isEqualTo("Missing command name after /.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/imports --status X", "/improts", "/import", "/imp", "/set output", "/exit 999",
            "/import create", "/watch --bad", "'", "/finetune c x"})
    void parseErrors_printNothing(String line) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            reject(parser, line);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
