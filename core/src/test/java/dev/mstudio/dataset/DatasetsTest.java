package dev.mstudio.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset checks on good and broken files, with the line numbers asserted. */
class DatasetsTest {
    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello there\"}]}";

    @TempDir
    Path dir;

    @Test
    void check_goodChatFile_countsSamples_andEstimatesTokens() throws Exception {
        Path file = write("good.jsonl", CHAT, "", CHAT, CHAT);

        DatasetReport report = Datasets.check(file, "sft", 2);

        assertThat(report.valid()).isTrue();
        assertThat(report.samples()).isEqualTo(3);
        assertThat(report.estimatedTokens()).isPositive();
    }

    @Test
    void check_brokenLines_nameFileLineAndWhat() throws Exception {
        Path file = write("bad.jsonl", CHAT, "{not json", "[1,2]",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", "{\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}");

        DatasetReport report = Datasets.check(file, "efficient_sft", null);

        assertThat(report.problems()).extracting(Problem::toString).containsExactly(
                "bad.jsonl line 2: not valid JSON",
                "bad.jsonl line 3: not a JSON object",
                "bad.jsonl line 4: no assistant turn in \"messages\"",
                "bad.jsonl line 5: messages[0] has role \"bot\"; use system, user or assistant");
    }

    @Test
    void check_dpoAndCpt_needTheirShapes() throws Exception {
        Path dpo = write("dpo.jsonl", "{\"messages\":[],\"chosen\":\"a\",\"rejected\":\"b\"}", "{\"chosen\":\"a\"}");
        Path cpt = write("cpt.jsonl", "{\"text\":\"some prose\"}", CHAT);

        assertThat(Datasets.check(dpo, "dpo_lora", null).problems()).extracting(Problem::line).containsExactly(2L);
        assertThat(Datasets.check(cpt, "cpt", null).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith("cpt.jsonl line 2: no \"text\""));
    }

    @Test
    void check_fewerSamplesThanTheBatch_isAProblemOfTheFile() throws Exception {
        Path file = write("small.jsonl", CHAT, CHAT);

        DatasetReport report = Datasets.check(file, "sft", 2);

        assertThat(report.problems()).extracting(Problem::toString)
                .containsExactly("small.jsonl: has 2 samples; it needs more than the batch size (2)");
    }

    @Test
    void exception_listsTheFirstTen_thenACount() throws Exception {
        String[] lines = new String[25];
        java.util.Arrays.fill(lines, "nope");
        DatasetReport report = Datasets.check(write("many.jsonl", lines), "sft", null);

        InvalidDatasetException e = new InvalidDatasetException(List.of(report));

        assertThat(report.problemCount()).isEqualTo(26);
        assertThat(e.lines()).hasSize(11).first().isEqualTo("many.jsonl line 1: not valid JSON");
        assertThat(e.lines().get(10)).isEqualTo("... and 16 more");
        assertThat(e.getMessage()).contains("26 problems in 1 file");
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
