package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read shapes give exactly the instants the java.time formatters give, and null where they fail. */
class TimesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-01-01T12:00:00.000+00:00", "2024-02-29T23:59:59.999+08:00", "1999-12-31T00:00:00.001-05:30",
        "2024-01-01T12:00:00.000-00:00", "2024-01-01T12:00:00.000+18:00", "2024-01-01T12:00:00.000+19:00",
        "2024-02-30T12:00:00.000+00:00", "2024-13-01T12:00:00.000+00:00", "2024-01-01T24:00:00.000+00:00",
        "2024-01-01T12:00:00.000Z", "2024-01-01T12:00:00Z", "2024-01-01T12:00:00.123456+01:00",
        "2024-01-01T12:00:00.000+0000", "2024-01-01 12:00:00.000+00:00", "2024-01-01T12:00:00.0x0+00:00",
        "+2024-01-01T12:00:00.000+00:00", "0000-01-01T00:00:00.000+00:00", "not a time", " 2024-01-01T12:00:00.000+00:00",
    })
    void parseIso_isWhatOffsetDateTimeParses(String text) {
        assertThat(Times.parseIso(text)).isEqualTo(viaFormatter(() -> OffsetDateTime.parse(text).toInstant()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-10-29 16:53:53", "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2024-02-30 10:00:00",
        "2024-04-31 10:00:00", "2024-10-29 24:00:00", "2024-10-29 23:60:00", "2024-13-29 16:53:53",
        "0000-01-01 00:00:00", "2024-10-29T16:53:53", "2024-10-29 16:53", "2024-1-29 16:53:53",
        "2024-10-29 16:53:5x", "12024-10-29 16:53:53", "2024-10-29 16:53:53 ",
    })
    void parseLocal_isWhatThePatternParses(String text) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        assertThat(Times.parseLocal(text))
                .isEqualTo(viaFormatter(() -> LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2024-01-01T12:00:00.000+00:00", " 2024-01-01T12:00:00.000+08:00 ", "2024-10-29 16:53:53", "\t2024-10-29 16:53:53\n",
        "2024-02-30 10:00:00", "2024-01-01T12:00:00Z", "2024-10-29", " ", "garbage",
    })
    void parse_triesIsoThenTheLocalFormat(String text) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        Instant iso = viaFormatter(() -> OffsetDateTime.parse(text.strip()).toInstant());
        Instant expected = iso != null ? iso
                : viaFormatter(() -> LocalDateTime.parse(text.strip(), format).toInstant(ZoneOffset.UTC));

        assertThat(Times.parse(text)).isEqualTo(expected);
    }

    private interface Parse {
        Instant parse();
    }

    private static Instant viaFormatter(Parse parse) {
        try {
            return parse.parse();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
