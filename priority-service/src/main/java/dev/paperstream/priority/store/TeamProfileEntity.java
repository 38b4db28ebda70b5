package dev.paperstream.priority.store;

import dev.paperstream.priority.relevance.WeightedTerm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A team's profile as the team stored it (table {@code team_profile}). */
@Entity
@Table(name = "team_profile")
public class TeamProfileEntity {
    @Id
    public String team;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> categories;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<WeightedTerm> terms;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "seed_papers", nullable = false)
    public List<String> seedPapers;

    @Column(name = "match_all", nullable = false)
    public boolean matchAll;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
