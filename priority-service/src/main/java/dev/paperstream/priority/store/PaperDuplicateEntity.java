package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** That a paper is the same work as an earlier one (table {@code paper_duplicate}, V14). */
@Entity
@Table(name = "paper_duplicate")
public class PaperDuplicateEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;
    @Column(name = "duplicate_of", nullable = false)
    public String duplicateOf;
    @Column(nullable = false)
    public double cosine;
    @Column(name = "found_at", nullable = false)
    public Instant foundAt;
}
