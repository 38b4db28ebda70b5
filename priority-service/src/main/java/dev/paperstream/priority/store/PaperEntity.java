package dev.paperstream.priority.store;

import dev.paperstream.priority.text.PaperText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A paper as priority keeps it (table {@code paper}): enough to re-score it without asking ingest again.
 * New versions arrive through {@link PaperRepository#upsertAll}; updates here touch only the columns
 * they change ({@code @DynamicUpdate}), so they never write back an older version's metadata.
 */
@Entity
@Table(name = "paper")
@DynamicUpdate
public class PaperEntity {
    @Id
    public String id;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "abstract", nullable = false)
    public String abstractText;

    public String comment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> categories;

    /** Date of version 1. */
    @Column(nullable = false)
    public Instant published;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "code_links", nullable = false)
    public List<String> codeLinks;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fulltext_code_links", nullable = false)
    public List<String> fulltextCodeLinks;

    @Column(name = "fulltext_outline", nullable = false)
    public String fulltextOutline;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** What scoring reads of the paper. */
    public PaperText text() {
        return new PaperText(title, abstractText, comment, categories, published, codeLinks, fulltextCodeLinks,
                fulltextOutline);
    }
}
