package dev.paperstream.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled sample: an arXiv API Atom page written by us, whose dates are filled in relative to
 * today so that "published less than 6 months ago" means the same on any day it runs.
 */
public final class SampleFeed {
    private static final Pattern DAYS_AGO = Pattern.compile("\\$\\{DAYS_AGO_(\\d+)}");

    private SampleFeed() {
    }

    public static String render(Instant now) {
        String template = read("/sample/arxiv-sample.atom.xml");
        Matcher m = DAYS_AGO.matcher(template);
        StringBuilder out = new StringBuilder();
        Instant base = now.truncatedTo(ChronoUnit.SECONDS);
        while (m.find()) {
            Instant when = base.minus(Duration.ofDays(Long.parseLong(m.group(1))));
            m.appendReplacement(out, when.toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = SampleFeed.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
