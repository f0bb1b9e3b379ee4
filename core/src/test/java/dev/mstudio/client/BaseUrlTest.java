package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-URL shortcut gives exactly what OkHttp's HttpUrl gives, for plain and other URLs alike. */
class BaseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:8089/api/v1",
        "http://127.0.0.1:8089/api/v1/",
        " http://127.0.0.1:8089/api/v1 ",
        "https://dashscope-intl.aliyuncs.com/api/v1",
        "https://dashscope-intl.aliyuncs.com:443/api/v1",
        "http://localhost:80/api/v1",
        "http://localhost:443/api/v1",
        "https://localhost:80",
        "http://localhost",
        "http://localhost/",
        "http://localhost:65535/x",
        "http://localhost:65536/x",
        "http://localhost:0/x",
        "http://localhost:08089/x",
        "http://a/b//c/",
        "http://a/B_c~d-E",
        "HTTP://Example.COM:80/api/v1/",
        "http://bücher.example/api",
        "http://example.com./api",
        "http://a..b/api",
        "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/api",
        "http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/api",
        "http://[::1]:8089/api/v1",
        "http://user:secret@host/api",
        "http://host/api?x=1#frag",
        "http://host/a/./b/../c",
        "http://host/a b/%7e",
        "http://-a-.b/api",
        "localhost:8089",
        "ftp://host/api",
        "",
        "http://",
    })
    void canonical_isHttpUrlsFormWithoutTheTrailingSlash(String url) {
        HttpUrl parsed = HttpUrl.parse(url.strip());
        String expected = parsed == null ? null : parsed.toString().replaceFirst("/$", "");

        assertThat(BaseUrl.canonical(url)).isEqualTo(expected);
    }
}
