package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mstudio.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code ./mstudio} launcher, the packaged jar, a sandbox on 127.0.0.1. Checks
 * what a script user sees: output, one-line errors and exit statuses.
 */
class LauncherIT {
    private static TestSandbox sandbox;
    private static Path launcher;

    @TempDir
    Path home;

    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    static void start() {
        launcher = Path.of(System.getProperty("mstudio.launcher", "../mstudio")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("mstudio.jar", "target/mstudio-repl.jar")).toAbsolutePath().normalize();
        assumeTrue(jar.equals(launcher.resolveSibling("repl/target/mstudio-repl.jar")),
                "the launcher runs repl/target/mstudio-repl.jar; this build writes " + jar);
        sandbox = new TestSandbox();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void launcher_commandsAgainstSandbox_printTablesAndExitZero() throws Exception {
        String running = sandbox.activeImport();

        Run run = mstudio("", sandbox.env(), "-c", "/imports --status RUNNING --size 100", "-c", "/finetunes --size 3");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).contains("Import jobs", running, "RUNNING", "Fine-tune jobs");
        assertThat(run.all()).doesNotContain("\u001b[");
    }

    @Test
    void launcher_unknownJob_printsOneLineApiErrorAndExitsNonZero() throws Exception {
        Run run = mstudio("", sandbox.env(), "-c", "/import 00000000-0000-0000-0000-000000000000");

        assertThat(run.status()).isNotZero();
        assertThat(run.all()).contains("NotFound", "request_id").doesNotContain("Exception", "\tat ");
    }

    @Test
    void launcher_waitOnJobThatFailed_exitsOne() throws Exception {
        String id = sandbox.activeImport();
        sandbox.sandbox.forceStatus(id, "FAILED");

        Run run = mstudio("", sandbox.env(), "-c", "/wait " + id + " --timeout 60s");

        assertThat(run.status()).as(run.all()).isEqualTo(1);
    }

    @Test
    void launcher_waitOnJobThatSucceeded_exitsZero() throws Exception {
        String id = sandbox.activeImport();
        sandbox.sandbox.forceStatus(id, "SUCCESSED");

        Run run = mstudio("", sandbox.env(), "-c", "/wait " + id + " --timeout 60s");

        assertThat(run.status()).as(run.all()).isZero();
    }

    @Test
    void launcher_waitPastTimeout_exitsTwo() throws Exception {
        String id = sandbox.activeImport();

        Run run = mstudio("", sandbox.env(), "-c", "/wait " + id + " --timeout 1s");

        assertThat(run.status()).as(run.all()).isEqualTo(2);
    }

    @Test
    void launcher_pipedScript_runsEveryLine() throws Exception {
        Run run = mstudio("/imports --size 2\n# a comment\n/finetunes --size 2\n", sandbox.env());

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).contains("Import jobs", "Fine-tune jobs");
    }

    @Test
    void launcher_badOption_exitsTwoWithUsage() throws Exception {
        Run run = mstudio("", sandbox.env(), "--frobnicate");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--frobnicate").containsIgnoringCase("usage");
    }

    @Test
    void launcher_noApiKey_answersFromTheEmbeddedSandbox() throws Exception {
        Run run = mstudio("", Map.of(), "-c", "/finetunes --size 2");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).contains("Fine-tune jobs", "ft-");
        assertThat(run.err()).contains("no API key configured: using the demo sandbox (demo data, not your jobs)");
    }

    @Test
    void launcher_keyFileUnderHome_isFoundThoughTheJvmsOwnHomeIsElsewhere() throws Exception {
        Files.createDirectories(home.resolve(".dashscope"));
        Files.writeString(home.resolve(".dashscope/api_key"), "sk-under-home\n");
        String id = sandbox.imports().get(0).id();

        Run run = mstudio("", Map.of("DASHSCOPE_HTTP_BASE_URL", sandbox.sandbox.baseUrl()), "-c", "/imports --size 100");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).contains(id);
        assertThat(run.err()).doesNotContain("sandbox");
    }

    @Test
    void launcher_config_showsTheKeyFileUnderHomeMasked() throws Exception {
        Files.createDirectories(home.resolve(".dashscope"));
        Files.writeString(home.resolve(".dashscope/api_key"), "sk-0123456789abcdefWXYZ");

        Run run = mstudio("", Map.of(), "config");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).contains("sk-...WXYZ", home.resolve(".dashscope/api_key").toString(),
                home.resolve(".mstudio/history").toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void launcher_baseUrlWithoutKey_stopsWithOneLineInsteadOfDemoData() throws Exception {
        Run run = mstudio("", Map.of("DASHSCOPE_HTTP_BASE_URL", sandbox.sandbox.baseUrl()), "-c", "/imports");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("DASHSCOPE_HTTP_BASE_URL is set but no DashScope API key was found").hasLineCount(1);
    }

    @Test
    void launcher_devZeroOnStdin_isRefusedQuickly() throws Exception {
        Run run = mstudio(Path.of("/dev/zero"), sandbox.env());

        assertThat(run.status()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("Line 1 of the script is longer than 65536 characters");
    }

    /**
     * The start-up rule (docs/STARTUP.md): a command that needs no service, here {@code /help},
     * loads neither picocli (its Java 5 classes cannot be archived for CDS) nor Jackson databind
     * nor OkHttp. Checked on the real launcher and jar, through the JVM's class-loading log.
     */
    @Test
    void launcher_help_loadsNoPicocliJacksonDatabindOrOkHttp() throws Exception {
        List<String> loaded = classesLoaded(Map.of(), "-c", "/help");

        assertThat(loaded).filteredOn(name -> name.startsWith("picocli.")
                        || name.startsWith("com.fasterxml.jackson.databind.") || name.startsWith("okhttp3."))
                .as("classes ./mstudio -c /help must not load").isEmpty();
        assertThat(loaded).filteredOn(name -> name.startsWith("dev.mstudio.logging."))
                .as("MSTUDIO_LOG_FORMAT unset: nothing about log formats loads").isEmpty();
    }

    /** With a key and a base URL configured, checking the configuration still loads no OkHttp or Kotlin. */
    @Test
    void launcher_helpWithServiceConfigured_loadsNoOkHttpOrKotlin() throws Exception {
        List<String> loaded = classesLoaded(sandbox.env(), "-c", "/help");

        assertThat(loaded).filteredOn(name -> name.startsWith("okhttp3.") || name.startsWith("kotlin."))
                .as("classes ./mstudio -c /help must not load with a key configured").isEmpty();
    }

    /**
     * A one-shot listing against the service decodes its answer with the streaming parser
     * ({@code JsonTrees}): no {@code ObjectMapper}, whose set-up costs more than the rest of the JSON work.
     */
    @Test
    void launcher_listing_loadsNoObjectMapper() throws Exception {
        List<String> loaded = classesLoaded(sandbox.env(), "-c", "/finetunes");

        assertThat(loaded).as("a one-shot listing decodes with JsonTrees")
                .contains("dev.mstudio.json.JsonTrees")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }

    /**
     * A one-shot listing with a key configured takes every class from the launcher's class-data
     * archive (or makes it at run time): none is read and verified from a jar, as a class the
     * archive's training run ({@code --sandbox}) never loads would be.
     */
    @Test
    void launcher_listing_loadsNoClassFromAJar() throws Exception {
        Path log = home.resolve("sources.log");
        Map<String, String> env = new HashMap<>(sandbox.env());
        env.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        Run run = mstudio("", env, "-c", "/finetunes");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(Files.readAllLines(log)).as("the log is the run's own").anyMatch(line -> line.contains("dev.mstudio.repl.Main "))
                .filteredOn(line -> line.contains("source: file:") || line.contains("source: jar:"))
                .as("classes read from a jar rather than the archive").isEmpty();
    }

    /** The names of the classes a run of the real launcher loads (JVM class-loading log), the run having succeeded. */
    private List<String> classesLoaded(Map<String, String> env, String... args) throws Exception {
        Path log = home.resolve("classes.log");
        Map<String, String> withLog = new HashMap<>(env);
        withLog.put("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        Run run = mstudio("", withLog, args);

        assertThat(run.status()).as(run.all()).isZero();
        List<String> loaded = Files.readAllLines(log).stream()
                .map(line -> line.substring(line.lastIndexOf("] ") + 2).split(" ", 2)[0])
                .toList();
        assertThat(loaded).as("the log is the run's own").contains("dev.mstudio.repl.Main");
        return loaded;
    }

    private Run mstudio(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return mstudio(builder -> { }, stdin, env, args);
    }

    private Run mstudio(Path stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return mstudio(builder -> builder.redirectInput(stdin.toFile()), null, env, args);
    }

    private Run mstudio(Consumer<ProcessBuilder> input, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DASHSCOPE_") || name.equals("NO_COLOR"));
        builder.environment().putAll(env);
        builder.environment().put("HOME", home.toString());
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        input.accept(builder);
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./mstudio " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
