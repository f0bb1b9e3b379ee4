package dev.mstudio.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"0, just now", "12, 12 s ago", "59, 59 s ago", "60, 1 min ago", "3599, 59 min ago", "3600, 1 h ago",
            "172799, 47 h ago", "172800, 2 d ago", "5183999, 59 d ago", "5184000, 2 mo ago", "31535999, 12 mo ago",
            "31536000, 1 y ago", "-259200, in 3 d", "-5, in 5 s"})
    void of_saysHowLongAgoOrHowSoon(long secondsAgo, String expected) {
        assertThat(RelativeTime.of(NOW.minusSeconds(secondsAgo), NOW)).isEqualTo(expected);
    }
}
