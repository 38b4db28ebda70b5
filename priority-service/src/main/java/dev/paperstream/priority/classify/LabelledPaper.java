package dev.paperstream.priority.classify;

import dev.paperstream.events.PaperType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A paper whose type we labelled. The committed set (resources {@code paper-types/<type>.tsv}, one
 * "title TAB abstract" per line) was written by us for this purpose.
 */
public record LabelledPaper(PaperType type, String title, String abstractText) {

    public static List<LabelledPaper> committedSet() {
        List<LabelledPaper> out = new ArrayList<>();
        for (PaperType type : PaperType.values()) {
            String name = "/paper-types/" + type.name().toLowerCase(Locale.ROOT) + ".tsv";
            try (InputStream in = LabelledPaper.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + name);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    String[] cols = line.split("\t");
                    if (cols.length == 2) {
                        out.add(new LabelledPaper(type, cols[0], cols[1]));
                    } else if (!line.isBlank()) {
                        throw new IllegalStateException(name + ": expected 'title TAB abstract' but got: " + line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
