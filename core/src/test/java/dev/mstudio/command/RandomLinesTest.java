package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A property test: thousands of random lines, made of command names, prefixes, options, values,
 * job IDs, junk, quotes and unicode, run against a session over a real sandbox. Nothing escapes,
 * and every failure has a one-line message and a hint. The pool holds no ID of an active job, so
 * that no /wait or --follow line blocks. Lines come from a seeded generator, so a failure names
 * the seed and line that reproduce it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomLinesTest {
    /** Another seed: -Dmstudio.randomLines.seed=N. */
    private static final long SEED = Long.getLong("mstudio.randomLines.seed", 20241029L);
    private static final List<String> WORDS = List.of(
            "/imports", "/import", "/finetunes", "/finetune", "/next", "/prev", "/watch", "/unwatch", "/watches",
            "/wait", "/set", "/history", "/help", "/exit", "/open", "imports", "import", "finetune", "next", "help",
            "/", "/i", "/imp", "/fin", "/fine", "/w", "/wa", "/n", "/p", "/s", "/e", "/h", "/x", "//",
            "create", "delete", "cancel", "logs", "checkpoints", "output", "region", "c", "d", "de", "ca", "l",
            "--status", "--model", "--page", "--size", "--base", "--weight", "--bucket", "--key", "--name", "--yes",
            "--tail", "--follow", "--timeout", "--imports", "--finetunes", "--all", "--", "-", "--x", "-s", "--status=",
            "--size=0", "--page=2", "--status=RUNNING", "RUNNING", "running", "SUCCESSED", "SUCCEEDED", "FAILED",
            "CANCELED", "PENDING", "QUEUING", "lora", "full", "LoRA", "json", "table", "xml", "intl", "cn", "us", "hk",
            "eu", "0", "1", "3", "-1", "100", "101", "255", "256", "99999999999", "30s", "5m", "1h", "PT5M", "0s", "soon",
            "qwen3-32b", "qwen-plus", "b", "k/", "models/a/", "no-slash", "'", "\"", "\\", "\"a b\"", "'x y'", "'open",
            "ünïcödé", "模型", "🙂", "@file", "@/etc/passwd", "#", "${x}", "%s", "a=b", "nope", "ft-nope", ".", "..");

    private static final List<String> STARTS = List.of("/imports", "/finetunes", "/import", "/finetune",
            "/import create --base qwen3-32b --weight lora --bucket b --key k/", "/import delete", "/finetune cancel",
            "/finetune delete", "/finetune logs", "/finetune checkpoints", "/next", "/prev", "/watch", "/unwatch",
            "/watches", "/wait", "/set output", "/help", "imports --size 3", "finetunes --status");
    private Fixture fixture;
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void start() {
        fixture = new Fixture(27, 12);
        for (String status : List.of("SUCCESSED", "FAILED")) {
            fixture.jobs(JobKind.IMPORT, status).stream().limit(2).forEach(job -> ids.add(job.id()));
        }
        for (String status : List.of("SUCCEEDED", "CANCELED")) {
            fixture.jobs(JobKind.FINETUNE, status).stream().limit(2).forEach(job -> ids.add(job.id()));
        }
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void run_randomLines_neverThrow_andEveryFailureHasAHint() {
        forRandomLines(2_500, SEED, line -> {
            Result result = fixture.run(line);

            assertThat(result).isNotNull();
            if (result instanceof Result.Failure failure) {
                assertThat(failure.message()).isNotBlank().doesNotContain("\n").doesNotStartWith("Unexpected error");
                assertThat(failure.hint()).isNotBlank();
                assertThat(failure.exitCode()).isNotZero();
            }
        });
    }

    @Test
    void complete_randomLines_atAnyCursor_neverThrow() {
        SplittableRandom cursors = new SplittableRandom(SEED);
        forRandomLines(2_500, SEED + 1, line -> {
            int cursor = cursors.nextInt(line.length() + 1);

            assertThat(fixture.language.complete(fixture.session, line, cursor)).isNotNull()
                    .allSatisfy(candidate -> assertThat(candidate.value()).isNotNull());
        });
    }

    @Test
    void parse_randomLines_rejectOrAccept_neverThrowAnythingElse() {
        Parser parser = new Parser(Grammar.standard());
        forRandomLines(10_000, SEED + 2, line -> {
            if (line.isBlank()) {
                return;
            }
            try {
                assertThat(parser.parse(line).path()).isNotBlank();
            } catch (Rejected rejected) {
                assertThat(rejected.failure().message()).isNotBlank().doesNotContain("\n");
                assertThat(rejected.failure().hint()).isNotBlank();
            }
        });
    }

    private void forRandomLines(int tries, long seed, Consumer<String> property) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            String line = line(random);
            try {
                property.accept(line);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("falsified by line " + i + " of seed " + seed + ": [" + line + "]", e);
            }
        }
    }

    /**
     * 0 to 7 words: mostly from the pool, some job IDs, some random strings of any characters; half
     * the lines start with a real command, so that many of them run.
     */
    private String line(SplittableRandom random) {
        int count = random.nextInt(8);
        List<String> words = new ArrayList<>();
        if (random.nextBoolean()) {
            words.add(STARTS.get(random.nextInt(STARTS.size())));
            count = random.nextInt(3);
        }
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(10);
            words.add(pick < 6 ? WORDS.get(random.nextInt(WORDS.size()))
                    : pick < 8 ? ids.get(random.nextInt(ids.size())) : junk(random));
        }
        return String.join(" ", words);
    }

    private static String junk(SplittableRandom random) {
        StringBuilder junk = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x20, 0x7f) : random.nextInt(0, 0x2FFFF);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                junk.appendCodePoint(codePoint);
            }
        }
        return junk.toString();
    }
}
