package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from an injected environment and home directory; nothing here makes a request. */
class ClientConfigTest {
    private static final String INTL = "https://dashscope-intl.aliyuncs.com/api/v1";

    @TempDir
    Path home;

    private void writeKeyFile(String content) throws Exception {
        Files.createDirectories(home.resolve(".dashscope"));
        Files.writeString(home.resolve(".dashscope/api_key"), content);
    }

    @Test
    void fromEnvironment_envKey_winsOverKeyFile() throws Exception {
        writeKeyFile("sk-from-file");

        ClientConfig config = ClientConfig.fromEnvironment(Map.of("DASHSCOPE_API_KEY", " sk-from-env "), home);

        assertThat(config.apiKey()).isEqualTo("sk-from-env");
    }

    @Test
    void fromEnvironment_noEnvKey_readsTrimmedKeyFile() throws Exception {
        writeKeyFile("  sk-from-file\n");

        ClientConfig config = ClientConfig.fromEnvironment(Map.of("DASHSCOPE_API_KEY", ""), home);

        assertThat(config.apiKey()).isEqualTo("sk-from-file");
        assertThat(config.baseUrl()).isEqualTo(INTL);
        assertThat(config.workspace()).isNull();
    }

    @Test
    void fromEnvironment_noKeyAnywhere_namesBothWaysToSetOne() throws Exception {
        writeKeyFile("   \n");

        assertThatThrownBy(() -> ClientConfig.fromEnvironment(Map.of(), home))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("export DASHSCOPE_API_KEY=")
                .hasMessageContaining("~/.dashscope/api_key");
        assertThatThrownBy(() -> ClientConfig.fromEnvironment(Map.of(), null))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void apiKeyConfigured_reportsWithoutThrowing() throws Exception {
        assertThat(ClientConfig.apiKeyConfigured(Map.of(), home)).isFalse();
        assertThat(ClientConfig.apiKeyConfigured(Map.of("DASHSCOPE_API_KEY", "sk-1"), home)).isTrue();
        writeKeyFile("sk-2");
        assertThat(ClientConfig.apiKeyConfigured(Map.of(), home)).isTrue();
    }

    @Test
    void apiKeyConfigured_keyPathIsADirectory_isNotConfigured() throws Exception {
        Files.createDirectories(home.resolve(".dashscope/api_key"));

        assertThat(ClientConfig.apiKeyConfigured(Map.of(), home)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "intl, https://dashscope-intl.aliyuncs.com/api/v1",
        "cn, https://dashscope.aliyuncs.com/api/v1",
        "us, https://dashscope-us.aliyuncs.com/api/v1",
        "hk, https://cn-hongkong.dashscope.aliyuncs.com/api/v1",
        "' CN ', https://dashscope.aliyuncs.com/api/v1",
    })
    void fromEnvironment_region_mapsToItsBaseUrl(String region, String expected) {
        ClientConfig config = ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", "sk-1", "DASHSCOPE_REGION", region), home);

        assertThat(config.baseUrl()).isEqualTo(expected);
    }

    @Test
    void fromEnvironment_unknownRegion_listsTheValidOnes() {
        assertThatThrownBy(() -> ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", "sk-1", "DASHSCOPE_REGION", "mars"), home))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'mars'")
                .hasMessageContaining("intl, cn, us, hk");
    }

    @Test
    void fromEnvironment_httpBaseUrl_overridesRegionAndLosesTrailingSlash() {
        ClientConfig config = ClientConfig.fromEnvironment(Map.of("DASHSCOPE_API_KEY", "sk-1",
                "DASHSCOPE_REGION", "mars", "DASHSCOPE_HTTP_BASE_URL", "http://127.0.0.1:8089/api/v1/"), home);

        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:8089/api/v1");
    }

    @Test
    void fromEnvironment_badBaseUrl_isAConfigurationError() {
        assertThatThrownBy(() -> ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", "sk-1", "DASHSCOPE_HTTP_BASE_URL", "localhost:8089"), home))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("http(s) URL");
    }

    @Test
    void fromEnvironment_workspace_isKeptAndBlankIsNone() {
        assertThat(ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", "sk-1", "DASHSCOPE_WORKSPACE", "llm-ws1"), home).workspace())
                .isEqualTo("llm-ws1");
        assertThat(ClientConfig.fromEnvironment(
                Map.of("DASHSCOPE_API_KEY", "sk-1", "DASHSCOPE_WORKSPACE", " "), home).workspace())
                .isNull();
    }

    @Test
    void toString_masksTheKey() {
        ClientConfig dashscopeStyle = new ClientConfig(INTL, "sk-abcdef0123456789", "ws");
        ClientConfig otherStyle = ClientConfig.of(INTL, "plainsecret99");

        assertThat(dashscopeStyle.toString()).contains("apiKey=sk-****").doesNotContain("abcdef0123456789");
        assertThat(otherStyle.toString()).contains("apiKey=****").doesNotContain("plainsecret99");
        assertThat(otherStyle.maskedApiKey()).isEqualTo("****");
    }

    @Test
    void withRegion_and_withWorkspace_keepTheRest() {
        ClientConfig config = ClientConfig.of(INTL, "sk-1").withRegion("hk").withWorkspace("ws-9");

        assertThat(config.baseUrl()).isEqualTo("https://cn-hongkong.dashscope.aliyuncs.com/api/v1");
        assertThat(config.workspace()).isEqualTo("ws-9");
        assertThat(config.apiKey()).isEqualTo("sk-1");
        assertThat(ClientConfig.regions()).containsOnlyKeys("intl", "cn", "us", "hk");
    }

    @Test
    void builder_withoutConfig_isRefused() {
        assertThatThrownBy(() -> DashScopeClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("config is required");
    }

    @Test
    void builder_noWorkspace_sendsNoWorkspaceHeader() throws Exception {
        try (TestServer test = new TestServer();
                DashScopeClient client = test.builder().config(ClientConfig.of(test.baseUrl(), "sk-1")).build()) {
            test.enqueue(200, TestServer.seed("import-get.json"));

            client.getImport("imp-1");

            assertThat(test.server.takeRequest().getHeader("X-DashScope-WorkSpace")).isNull();
            assertThat(client.baseUrl()).isEqualTo(test.baseUrl());
        }
    }
}
