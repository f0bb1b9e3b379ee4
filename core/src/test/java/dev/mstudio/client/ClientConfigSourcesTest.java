package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.ConfigReport.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key, the home directory and the endpoint come from, and how that is shown. */
class ClientConfigSourcesTest {
    private static final String KEY = "sk-0123456789abcdefWXYZ";

    @TempDir
    Path home;

    private Path write(String relative, String content) throws Exception {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void fromEnvironment_keyFilePath_isReadBeforeTheDefaultFile() throws Exception {
        write(".dashscope/api_key", "sk-default-file");
        Path named = write("secrets/dashscope.key", " sk-named-file\n");

        ClientConfig config = ClientConfig.fromEnvironment(Map.of("DASHSCOPE_API_KEY_FILE_PATH", named.toString()), home);

        assertThat(config.apiKey()).isEqualTo("sk-named-file");
    }

    @Test
    void fromEnvironment_envKey_winsOverKeyFilePath() throws Exception {
        Path named = write("secrets/dashscope.key", "sk-named-file");

        ClientConfig config = ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", "sk-env", "DASHSCOPE_API_KEY_FILE_PATH", named.toString()), home);

        assertThat(config.apiKey()).isEqualTo("sk-env");
    }

    @Test
    void fromEnvironment_keyFilePathWithTilde_isUnderHome() throws Exception {
        write("keys/ds", "sk-tilde");

        assertThat(ClientConfig.fromEnvironment(Map.of("DASHSCOPE_API_KEY_FILE_PATH", "~/keys/ds"), home).apiKey())
                .isEqualTo("sk-tilde");
    }

    @Test
    void fromEnvironment_keyFilePathMissing_isAnErrorNamingTheVariable() throws Exception {
        write(".dashscope/api_key", "sk-default-file");
        Map<String, String> env = Map.of("DASHSCOPE_API_KEY_FILE_PATH", home.resolve("nope").toString());

        assertThatThrownBy(() -> ClientConfig.fromEnvironment(env, home))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DASHSCOPE_API_KEY_FILE_PATH names " + home.resolve("nope"));
        assertThat(ClientConfig.apiKeyConfigured(env, home)).isTrue();
    }

    @Test
    void home_prefersTheHomeVariableOverUserHome() {
        assertThat(ClientConfig.home(Map.of("HOME", "/srv/alice"))).isEqualTo(Path.of("/srv/alice"));
        assertThat(ClientConfig.home(Map.of())).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void fromEnvironment_baseUrlButNoKey_saysSoAndNamesEveryWayToSetIt() {
        Map<String, String> env = Map.of("DASHSCOPE_HTTP_BASE_URL", "http://127.0.0.1:8089/api/v1");

        assertThat(ClientConfig.serviceConfigured(env)).isTrue();
        assertThatThrownBy(() -> ClientConfig.fromEnvironment(env, home))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("DASHSCOPE_HTTP_BASE_URL is set but no DashScope API key was found")
                .hasMessageContainingAll("DASHSCOPE_API_KEY=", "DASHSCOPE_API_KEY_FILE_PATH",
                        home.resolve(".dashscope/api_key").toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void serviceConfigured_regionOrWorkspace_butNotNothing() {
        assertThat(ClientConfig.serviceConfigured(Map.of("DASHSCOPE_REGION", "cn"))).isTrue();
        assertThat(ClientConfig.serviceConfigured(Map.of("DASHSCOPE_WORKSPACE", "ws-1"))).isTrue();
        assertThat(ClientConfig.serviceConfigured(Map.of("DASHSCOPE_REGION", " ", "NO_COLOR", "1"))).isFalse();
    }

    @Test
    void report_envKeyAndBaseUrl_showsSourcesAndHidesSecrets() {
        List<Setting> settings = ConfigReport.settings(Map.of("DASHSCOPE_API_KEY", KEY, "HOME", home.toString(),
                "DASHSCOPE_HTTP_BASE_URL", "http://ops:hunter2@127.0.0.1:8089/api/v1?token=t0ps3cret",
                "DASHSCOPE_REGION", "cn"), home);

        assertThat(settings).containsExactly(
                new Setting("API key", "sk-...WXYZ", "DASHSCOPE_API_KEY"),
                new Setting("base URL", "http://127.0.0.1:8089/api/v1", "DASHSCOPE_HTTP_BASE_URL"),
                new Setting("region", "cn", "not used: DASHSCOPE_HTTP_BASE_URL overrides it"),
                new Setting("workspace", "(none)", "DASHSCOPE_WORKSPACE not set"),
                new Setting("home", home.toString(), "HOME"));
        assertThat(settings.toString()).doesNotContain("0123456789", "hunter2", "t0ps3cret");
    }

    @Test
    void report_keyFileAndDefaults_namesTheFile() throws Exception {
        Path file = write(".dashscope/api_key", "short-key");

        List<Setting> settings = ConfigReport.settings(Map.of("DASHSCOPE_WORKSPACE", "ws-7"), home);

        assertThat(settings.get(0)).isEqualTo(new Setting("API key", "****", file.toString()));
        assertThat(settings.get(1)).isEqualTo(new Setting("base URL", "https://dashscope-intl.aliyuncs.com/api/v1",
                "default: region intl"));
        assertThat(settings.get(2)).isEqualTo(new Setting("region", "intl", "default"));
        assertThat(settings.get(3)).isEqualTo(new Setting("workspace", "ws-7", "DASHSCOPE_WORKSPACE"));
    }

    @Test
    void report_badSettings_areShownNotThrown() {
        List<Setting> settings = ConfigReport.settings(Map.of("DASHSCOPE_REGION", "mars",
                "DASHSCOPE_API_KEY_FILE_PATH", home.resolve("gone").toString()), home);

        assertThat(settings.get(0).value()).isEqualTo("(error)");
        assertThat(settings.get(0).source()).contains("DASHSCOPE_API_KEY_FILE_PATH");
        assertThat(settings.get(1).value()).isEqualTo("(error)");
        assertThat(settings.get(1).source()).contains("Unknown DashScope region 'mars'");
    }
}
