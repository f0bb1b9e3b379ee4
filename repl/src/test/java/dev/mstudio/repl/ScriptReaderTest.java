package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptReaderTest {
    private static List<ScriptReader.Line> lines(String text, int max) throws IOException {
        ScriptReader reader = new ScriptReader(new StringReader(text), max);
        List<ScriptReader.Line> out = new ArrayList<>();
        for (ScriptReader.Line line = reader.next(); line != null; line = reader.next()) {
            out.add(line);
            if (line.tooLong()) {
                break;
            }
        }
        return out;
    }

    @Test
    void next_everyLineEnding_andNoTrailingEmptyLine() throws IOException {
        assertThat(lines("a\r\nb\rc\nd", 10)).extracting(ScriptReader.Line::text).containsExactly("a", "b", "c", "d");
        assertThat(lines("a\n", 10)).hasSize(1);
        assertThat(lines("", 10)).isEmpty();
    }

    @Test
    void next_byteOrderMark_isDroppedAtTheStartOnly() throws IOException {
        assertThat(lines("\uFEFF/imports\n\uFEFFx\n", 10)).extracting(ScriptReader.Line::text)
                .containsExactly("/imports", "\uFEFFx");
    }

    @Test
    void next_lineAtTheCap_isKept_andOneMoreIsTooLongWithItsNumber() throws IOException {
        assertThat(lines("12345\n", 5)).extracting(ScriptReader.Line::text).containsExactly("12345");

        List<ScriptReader.Line> lines = lines("ok\n123456\nnever\n", 5);

        assertThat(lines).containsExactly(new ScriptReader.Line(1, "ok", false), new ScriptReader.Line(2, null, true));
    }
}
