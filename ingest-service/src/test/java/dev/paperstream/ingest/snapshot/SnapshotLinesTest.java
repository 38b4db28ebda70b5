package dev.paperstream.ingest.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotLinesTest {

    /** Each line as read, a skipped one as "skipped N". */
    static List<String> read(String text, int maxChars) throws IOException {
        SnapshotLines lines = new SnapshotLines(new StringReader(text), maxChars);
        List<String> out = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            out.add(lines.skippedLength() >= 0 ? "skipped " + lines.skippedLength() : line);
        }
        return out;
    }

    @Test
    void linesEndAtNewlinesWithOrWithoutCarriageReturnAndTheLastNeedsNone() throws IOException {
        assertThat(read("{\"a\":1}\n\n{\"b\":2}\r\n{\"c\":3}", 100))
                .containsExactly("{\"a\":1}", "", "{\"b\":2}", "{\"c\":3}");
        assertThat(read("", 100)).isEmpty();
        assertThat(read("one\n", 100)).containsExactly("one");
    }

    @Test
    void linesLongerThanTheReadBufferAreWholeAndThoseOverTheLimitAreSkippedWithTheirLength() throws IOException {
        String longLine = "x".repeat(200_000);
        assertThat(read("a\n" + longLine + "\nb", 300_000)).containsExactly("a", longLine, "b");
        assertThat(read("a\n" + longLine + "\nb\n" + longLine, 199_999))
                .containsExactly("a", "skipped 200000", "b", "skipped 200000");
        assertThat(read("12345\n123456\n", 5)).containsExactly("12345", "skipped 6");
    }
}
