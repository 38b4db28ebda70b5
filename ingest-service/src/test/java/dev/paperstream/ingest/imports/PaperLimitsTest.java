package dev.paperstream.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperLinks;
import dev.paperstream.events.PaperSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PaperLimitsTest {
    static final FieldLimits DEFAULTS = new SmallRyeConfigBuilder().withMapping(FieldLimits.class).build()
            .getConfigMapping(FieldLimits.class);
    static final PaperLimits LIMITS = new PaperLimits(DEFAULTS);
    // three bytes in UTF-8, the most a char of Java text can take
    static final char WIDE = '\u20ac';

    static String wide(int length) {
        return String.valueOf(WIDE).repeat(length);
    }

    /** {@code count} different strings of {@code length} chars, all 3-byte ones after the prefix. */
    static List<String> distinct(int count, int length, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // CJK ideographs from U+4E00 on: 3 bytes each, one per element keeps them apart
            values.add(prefix + (char) ('\u4e00' + i) + wide(length - prefix.length() - 1));
        }
        return values;
    }

    /** A paper with every field at its default limit, in the widest characters. */
    static PaperDiscovered atEveryLimit() {
        String id = "a".repeat(PaperLimits.MAX_ID_LENGTH - 8) + "/1234567";
        List<String> categories = distinct(DEFAULTS.categories(), DEFAULTS.categoryLength(), "");
        return new PaperDiscovered(id, 9999, wide(DEFAULTS.titleLength()),
                distinct(DEFAULTS.authors(), DEFAULTS.authorsTotalLength() / DEFAULTS.authors(), ""),
                wide(DEFAULTS.abstractLength()), categories, categories.get(0),
                Instant.parse("2025-11-03T10:00:00Z"), Instant.parse("2025-11-12T09:30:00Z"),
                wide(DEFAULTS.commentLength()), wide(DEFAULTS.journalRefLength()), wide(DEFAULTS.doiLength()),
                new PaperLinks("https://arxiv.org/abs/" + id + "v9999", "https://arxiv.org/pdf/" + id + "v9999",
                        distinct(DEFAULTS.codeLinks(), DEFAULTS.codeLinkLength(), "https://github.com/x/")),
                PaperSource.SNAPSHOT);
    }

    @Test
    void thePaperAtEveryLimitIsAcceptedAndItsEventFitsTheWorstCaseWellUnderKafkasDefaultLimit() {
        PaperDiscovered largest = atEveryLimit();
        int bytes = EventJson.write(largest).getBytes(StandardCharsets.UTF_8).length;

        assertThat(LIMITS.violation(largest)).isNull();
        assertThat((long) bytes).isLessThanOrEqualTo(LIMITS.worstCaseEventBytes());
        // the bound is tight enough to mean something: the real largest event is within 5% of it
        assertThat((long) bytes).isGreaterThan(LIMITS.worstCaseEventBytes() * 95 / 100);
        assertThat(LIMITS.worstCaseEventBytes()).isLessThan(PaperLimits.KAFKA_DEFAULT_MAX_REQUEST / 2);
        System.out.printf("largest accepted paper.discovered: %d bytes; computed worst case %d bytes%n", bytes,
                LIMITS.worstCaseEventBytes());
    }

    static PaperDiscovered changed(UnaryOperator<PaperDiscovered> change) {
        return change.apply(atEveryLimit());
    }

    static PaperDiscovered with(PaperDiscovered p, String title, List<String> authors, String summary,
            List<String> categories, String comment, String journalRef, String doi, List<String> code) {
        return new PaperDiscovered(p.id(), p.version(), title, authors, summary, categories,
                categories.get(0), p.published(), p.updated(), comment, journalRef, doi,
                new PaperLinks(p.links().abs(), p.links().pdf(), code), p.source());
    }

    @Test
    void oneCharacterOrOneElementOverAnyLimitIsRejectedNamingTheSetting() {
        PaperDiscovered p = atEveryLimit();
        List<String> oneMoreAuthor = new ArrayList<>(List.of("A. Author"));
        oneMoreAuthor.addAll(p.authors());
        List<String> longAuthor = new ArrayList<>(p.authors());
        longAuthor.set(3, wide(DEFAULTS.authorNameLength() + 1));
        List<String> longerNames = p.authors().stream().map(a -> a + "x").toList();
        List<String> oneMoreCategory = new ArrayList<>(p.categories());
        oneMoreCategory.add("cs.XX");
        List<String> longCategory = new ArrayList<>(p.categories());
        longCategory.set(1, wide(DEFAULTS.categoryLength() + 1));
        List<String> oneMoreLink = new ArrayList<>(p.links().code());
        oneMoreLink.add("https://github.com/one/more");
        List<String> longLink = List.of("https://github.com/" + wide(DEFAULTS.codeLinkLength()));

        assertThat(LIMITS.violation(with(p, p.title() + "x", p.authors(), p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi(), p.links().code())))
                .isEqualTo("the title has 1001 characters, more than the limit of 1000"
                        + " (paperstream.imports.limits.title-length)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary() + "x", p.categories(), p.comment(),
                p.journalRef(), p.doi(), p.links().code()))).endsWith("(paperstream.imports.limits.abstract-length)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), p.categories(), p.comment() + "x",
                p.journalRef(), p.doi(), p.links().code()))).endsWith("limits.comment-length)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), p.categories(), p.comment(),
                p.journalRef() + "x", p.doi(), p.links().code()))).endsWith("limits.journal-ref-length)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi() + "x", p.links().code()))).endsWith("limits.doi-length)");
        assertThat(LIMITS.violation(with(p, p.title(), oneMoreAuthor, p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi(), p.links().code())))
                .isEqualTo("5001 authors, more than the limit of 5000 (paperstream.imports.limits.authors)");
        assertThat(LIMITS.violation(with(p, p.title(), longAuthor, p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi(), p.links().code())))
                .startsWith("author 4 has 301 characters").endsWith("limits.author-name-length)");
        assertThat(LIMITS.violation(with(p, p.title(), longerNames, p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi(), p.links().code()))).endsWith("limits.authors-total-length)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), oneMoreCategory, p.comment(),
                p.journalRef(), p.doi(), p.links().code()))).endsWith("limits.categories)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), longCategory, p.comment(),
                p.journalRef(), p.doi(), p.links().code()))).endsWith("limits.category-length)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi(), oneMoreLink))).endsWith("limits.code-links)");
        assertThat(LIMITS.violation(with(p, p.title(), p.authors(), p.summary(), p.categories(), p.comment(),
                p.journalRef(), p.doi(), longLink))).endsWith("limits.code-link-length)");
    }
}
