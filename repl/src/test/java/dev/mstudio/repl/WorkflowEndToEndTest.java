package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.sandbox.Sandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fine-tuning workflow through mstudio's batch mode against a sandbox on 127.0.0.1 whose
 * jobs move fast and never fail: validate, upload and create, wait, list checkpoints, export one,
 * deploy it and wait for RUNNING, then delete the deployment.
 */
class WorkflowEndToEndTest {
    private static final Pattern FINE_TUNE = Pattern.compile("ft-\\d{12}-[0-9a-f]{4}");
    private static final Pattern DEPLOYED = Pattern.compile("as (support-v1-[a-z0-9]+) ");

    @TempDir
    Path home;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().port(0).speed(500).failureRate(0).random(7).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void uploadCreateWaitCheckpointsExportDeployWaitDelete() throws IOException {
        Path data = home.resolve("train.jsonl");
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            samples.add("{\"messages\":[{\"role\":\"user\",\"content\":\"Q" + i + "\"},"
                    + "{\"role\":\"assistant\",\"content\":\"A" + i + "\"}]}");
        }
        Files.write(data, samples);

        String created = ok("-c", "/finetune create --model qwen3-14b --data " + data + " --epochs 2 --suffix e2e --yes");
        Matcher id = FINE_TUNE.matcher(created);
        assertThat(id.find()).as(created).isTrue();
        String job = id.group();
        assertThat(ok("-c", "/wait " + job + " --timeout 2m")).contains("SUCCEEDED");
        assertThat(ok("-c", "/finetune checkpoints " + job)).contains("checkpoint-").contains("expires in");
        String checkpoint = firstCheckpoint(ok("-c", "/finetune checkpoints " + job));
        assertThat(ok("-c", "/finetune export " + job + " " + checkpoint + " --name support-v1 --yes"))
                .contains("as model support-v1");
        String deployed = ok("-c", "/deploy support-v1 --capacity 1 --yes --wait");
        Matcher name = DEPLOYED.matcher(deployed);
        assertThat(name.find()).as(deployed).isTrue();
        assertThat(deployed).contains("is RUNNING");
        assertThat(ok("-c", "/deployment delete " + name.group(1) + " --yes")).contains("Deleted deployment");
        assertThat(ok("-c", "/deployments")).contains("0 deployments");
        assertThat(sandbox.stats().count("POST /api/v1/files")).isEqualTo(1);
    }

    private static String firstCheckpoint(String listing) {
        Matcher checkpoint = Pattern.compile("checkpoint-\\d+").matcher(listing);
        assertThat(checkpoint.find()).as(listing).isTrue();
        return checkpoint.group();
    }

    /** Runs mstudio with {@code args} and returns what it printed, asserting it succeeded. */
    private String ok(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(ClientConfig.ENV_API_KEY, "sk-test", ClientConfig.ENV_BASE_URL, sandbox.baseUrl()), home);
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(String.join(" ", args) + "\n" + printed).isZero();
        return printed;
    }
}
