package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * Tests name the real DashScope hosts (region tables, error wording) but must never call them: the
 * test JVMs resolve names only from {@code .ci/loopback-hosts}, so such a call fails at once.
 */
class LoopbackOnlyTest {

    @Test
    void realHosts_doNotResolveInTests_loopbackDoes() throws Exception {
        assertThat(System.getProperty("jdk.net.hosts.file")).endsWith("loopback-hosts");
        for (String host : new String[] {"dashscope-intl.aliyuncs.com", "dashscope.aliyuncs.com",
                "dashscope-us.aliyuncs.com", "cn-hongkong.dashscope.aliyuncs.com", "slack.com"}) {
            assertThatThrownBy(() -> InetAddress.getByName(host)).as(host).isInstanceOf(UnknownHostException.class);
        }
        assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
    }
}
