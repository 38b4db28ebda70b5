package dev.paperstream.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The parsed full text of a paper version (table {@code parsed_paper}): the paper.parsed payload as JSON,
 * served by {@code GET /api/papers/{id}/fulltext}. PDFs themselves are never stored.
 */
@Entity
@Table(name = "parsed_paper")
@IdClass(VersionKey.class)
public class ParsedPaper {
    @Id
    @Column(name = "arxiv_id")
    public String arxivId;
    @Id
    public int version;
    public String parser;
    public String payload;
    @Column(name = "parsed_at")
    public Instant parsedAt;
}
