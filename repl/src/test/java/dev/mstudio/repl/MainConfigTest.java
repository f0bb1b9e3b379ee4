package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.Job;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which service a run uses, said plainly: a configured endpoint without a key is an error, never demo data. */
class MainConfigTest {
    private static final String KEY = "sk-0123456789abcdefWXYZ";
    private static TestSandbox sandbox;

    @TempDir
    Path home;

    @BeforeAll
    static void startSandbox() {
        sandbox = new TestSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private MainTest.Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, home);
        return new MainTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_baseUrlButNoKey_isAOneLineConfigurationErrorNotTheSandbox() {
        MainTest.Run run = run(Map.of(ClientConfig.ENV_BASE_URL, sandbox.sandbox.baseUrl()), "-c", "/imports --size 1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("mstudio: DASHSCOPE_HTTP_BASE_URL is set but no DashScope API key was found")
                .contains("DASHSCOPE_API_KEY=", "DASHSCOPE_API_KEY_FILE_PATH", home.resolve(".dashscope/api_key").toString())
                .doesNotContain("sandbox at", "Exception").hasLineCount(1);
    }

    @Test
    void run_unknownLogFormat_isAOneLineConfigurationError() {
        MainTest.Run run = run(Map.of("MSTUDIO_LOG_FORMAT", "yaml"), "-c", "/help");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("mstudio: MSTUDIO_LOG_FORMAT must be json or text (unset: text), not 'yaml'"
                + System.lineSeparator());
    }

    @Test
    void run_regionButNoKey_isAConfigurationErrorToo() {
        MainTest.Run run = run(Map.of(ClientConfig.ENV_REGION, "cn"), "-c", "/finetunes");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("DASHSCOPE_REGION is set but no DashScope API key was found");
    }

    @Test
    void run_nothingConfigured_saysOnStderrThatTheDataIsTheDemoSandbox() {
        MainTest.Run run = run(Map.of(), "-c", "/imports --size 1");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEqualTo("mstudio: " + Main.SANDBOX_NOTICE + System.lineSeparator());
        assertThat(run.out()).contains("Import jobs");
    }

    @Test
    void run_keyFilePathVariable_isUsedForTheConfiguredService() throws Exception {
        Path keyFile = Files.writeString(home.resolve("ds.key"), "sk-from-a-file\n");
        String id = sandbox.imports().get(0).id();

        MainTest.Run run = run(Map.of(ClientConfig.ENV_API_KEY_FILE, keyFile.toString(),
                ClientConfig.ENV_BASE_URL, sandbox.sandbox.baseUrl()), "-c", "/imports --size 100");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains(id);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void run_setRegionUnderAnExplicitBaseUrl_isRefusedNotSilentlySwitched() {
        MainTest.Run run = run(sandbox.env(), "-c", "/set region cn", "-c", "/imports --size 1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("base URL is fixed (" + sandbox.sandbox.baseUrl() + ")");
        assertThat(run.out()).doesNotContain("Import jobs");
    }

    @Test
    void banner_baseUrlWithUserinfoAndQuery_showsNeither() {
        try (Backend backend = Backend.choose(false, Map.of(ClientConfig.ENV_API_KEY, KEY,
                ClientConfig.ENV_BASE_URL, "http://ops:hunter2@127.0.0.1:1/api/v1?token=t0ps3cret"), home)) {
            assertThat(backend.describe()).isEqualTo("DashScope at http://127.0.0.1:1/api/v1");
        }
    }

    @Test
    void config_showsEachSettingWithItsSourceAndNoSecret() {
        Map<String, String> env = new HashMap<>(Map.of(ClientConfig.ENV_API_KEY, KEY, "HOME", home.toString(),
                ClientConfig.ENV_BASE_URL, "http://ops:hunter2@127.0.0.1:1/api/v1?token=t0ps3cret",
                ClientConfig.ENV_WORKSPACE, "ws-42"));

        MainTest.Run run = run(env, "config");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("sk-...WXYZ", "(DASHSCOPE_API_KEY)", "http://127.0.0.1:1/api/v1",
                "(DASHSCOPE_HTTP_BASE_URL)", "ws-42", "(DASHSCOPE_WORKSPACE)", "(HOME)",
                home.resolve(".mstudio/history").toString(), "DashScope")
                .doesNotContain("0123456789abcdef", "hunter2", "t0ps3cret");
    }

    @Test
    void config_keyFileUnderHome_namesTheFile() throws Exception {
        Path file = home.resolve(".dashscope/api_key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, KEY);

        MainTest.Run run = run(Map.of(), "config");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("sk-...WXYZ", "(" + file + ")", "default: region intl");
    }

    @Test
    void config_endpointWithoutKey_showsTheErrorAndExitsTwo() {
        MainTest.Run run = run(Map.of(ClientConfig.ENV_REGION, "us"), "config");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("https://dashscope-us.aliyuncs.com/api/v1", "(DASHSCOPE_REGION)",
                "configuration error", "DASHSCOPE_REGION is set but no DashScope API key was found");
    }

    @Test
    void config_showsTheLogFormat_andABadOneIsTheErrorARunWouldStopOn() {
        MainTest.Run json = run(Map.of("MSTUDIO_LOG_FORMAT", "JSON"), "config");
        MainTest.Run unset = run(Map.of(), "config");
        MainTest.Run bad = run(Map.of("MSTUDIO_LOG_FORMAT", "yaml"), "config");

        assertThat(json.out()).containsPattern("log format +json +\\(MSTUDIO_LOG_FORMAT\\)");
        assertThat(unset.out()).containsPattern("log format +text +\\(MSTUDIO_LOG_FORMAT not set\\)");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("MSTUDIO_LOG_FORMAT must be json or text (unset: text), not 'yaml'");
        assertThat(bad.out()).doesNotContain("log format");
    }

    @Test
    void config_withArguments_isABadOption() {
        MainTest.Run run = run(Map.of(), "config", "--sandbox");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("mstudio: config takes no arguments, got '--sandbox'");
    }

    @Test
    void config_nothingConfigured_saysTheDemoSandboxIsUsed() {
        MainTest.Run run = run(Map.of(), "config");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("the embedded demo sandbox", "(nothing is configured)");
    }
}
