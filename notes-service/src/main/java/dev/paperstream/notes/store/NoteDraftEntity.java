package dev.paperstream.notes.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One request for an LLM draft of a paper's notes, and what came of it. */
@Entity
@Table(name = "note_draft")
public class NoteDraftEntity extends PanacheEntityBase {
    public static final String DRAFTED = "drafted";
    public static final String UNUSABLE = "unusable";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "paper_id")
    public String paperId;

    public String kind;
    public String team;
    public String endpoint;
    public String model;

    @Column(name = "fields_drafted")
    public int fieldsDrafted;

    @Column(name = "prompt_tokens")
    public int promptTokens;

    @Column(name = "completion_tokens")
    public int completionTokens;

    public String outcome;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static List<NoteDraftEntity> latestOf(String paperId, int limit) {
        return find("paperId = ?1 order by id desc", paperId).page(0, limit).list();
    }
}
