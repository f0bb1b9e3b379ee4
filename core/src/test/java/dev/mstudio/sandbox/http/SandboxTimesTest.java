package dev.mstudio.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SandboxTimesTest {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Test
    void formats_matchJavaTimeForManyInstants() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 2_000; i++) {
            long ms = random.nextLong(0, 4_102_444_800_000L);
            Instant instant = Instant.ofEpochMilli(ms);

            assertThat(TimeFormats.iso(ms)).isEqualTo(ISO.format(instant));
            assertThat(TimeFormats.plain(ms)).isEqualTo(PLAIN.format(instant));
            assertThat(TimeFormats.minute(ms)).isEqualTo(PLAIN.format(instant).replaceAll("[- :]", "").substring(0, 12));
            assertThat(TimeFormats.day(ms)).isEqualTo(PLAIN.format(instant).replace("-", "").substring(0, 8));
        }
    }

    @Test
    void iso_referenceExample_isExact() {
        assertThat(TimeFormats.iso(Instant.parse("2024-01-01T12:00:00Z").toEpochMilli()))
                .isEqualTo("2024-01-01T12:00:00.000+00:00");
        assertThat(TimeFormats.plain(Instant.parse("2024-10-29T16:53:53Z").toEpochMilli())).isEqualTo("2024-10-29 16:53:53");
    }
}
