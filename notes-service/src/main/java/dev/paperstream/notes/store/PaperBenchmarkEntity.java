package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** That a paper asks a benchmark question (table {@code paper_benchmark}). */
@Entity
@Table(name = "paper_benchmark")
@IdClass(PaperBenchmarkEntity.Key.class)
public class PaperBenchmarkEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;
    @Id
    @Column(name = "question_key")
    public String questionKey;
    @Column(name = "linked_at")
    public Instant linkedAt;

    public static class Key implements Serializable {
        public String paperId;
        public String questionKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(paperId, k.paperId) && Objects.equals(questionKey, k.questionKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(paperId, questionKey);
        }
    }
}
