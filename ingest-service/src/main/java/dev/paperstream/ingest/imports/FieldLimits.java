package dev.paperstream.ingest.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The largest field values an imported record may carry, in characters (after whitespace is
 * collapsed). Far above real arXiv metadata (the module README lists the real maxima), and low enough
 * that the largest possible event stays under half of Kafka's default 1 MB request size
 * ({@link PaperLimits#worstCaseEventBytes()}). A record over any of them is rejected with the reason.
 */
@ConfigMapping(prefix = "paperstream.imports.limits")
public interface FieldLimits {
    @WithDefault("1000")
    int titleLength();

    @WithDefault("10000")
    int abstractLength();

    @WithDefault("5000")
    int commentLength();

    @WithDefault("1000")
    int journalRefLength();

    @WithDefault("500")
    int doiLength();

    /** Authors of one paper. */
    @WithDefault("5000")
    int authors();

    @WithDefault("300")
    int authorNameLength();

    /** All author names of one paper together. */
    @WithDefault("100000")
    int authorsTotalLength();

    /** Categories of one paper, the primary included. */
    @WithDefault("100")
    int categories();

    @WithDefault("100")
    int categoryLength();

    /** Code repository links found in the abstract and comment. */
    @WithDefault("50")
    int codeLinks();

    @WithDefault("500")
    int codeLinkLength();

    /**
     * One line of a snapshot, whatever it holds: a longer one is read to its end without being kept.
     * Far above the longest line of a record within the other limits, even with every character escaped.
     */
    @WithDefault("10000000")
    int snapshotLineLength();
}
