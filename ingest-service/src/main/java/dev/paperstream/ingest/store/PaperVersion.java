package dev.paperstream.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A paper version ingest has seen, whatever the source (table {@code paper_version}); its primary key is
 * what makes a re-import a duplicate. Written in bulk by {@link PaperVersionRepository#insertIfNew}.
 */
@Entity
@Table(name = "paper_version")
@IdClass(VersionKey.class)
public class PaperVersion {
    @Id
    @Column(name = "arxiv_id")
    public String arxivId;
    @Id
    public int version;
    public String title;
    @Column(name = "primary_category")
    public String primaryCategory;
    public Instant published;
    public Instant updated;
    public String source;
    @Column(name = "discovered_at", insertable = false, updatable = false)
    public Instant discoveredAt;
}
