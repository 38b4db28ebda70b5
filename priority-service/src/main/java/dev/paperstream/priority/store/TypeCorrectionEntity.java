package dev.paperstream.priority.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's correction of a paper's type, for every team (table {@code type_correction}). */
@Entity
@Table(name = "type_correction")
public class TypeCorrectionEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;

    @Column(name = "paper_type")
    public String paperType;

    public String reason;

    @Column(name = "corrected_by")
    public String correctedBy;

    @Column(name = "corrected_at")
    public Instant correctedAt;
}
