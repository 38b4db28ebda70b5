package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A numeric claim found in a paper's full text (table {@code numeric_claim}), at its place in the text. */
@Entity
@Table(name = "numeric_claim")
@IdClass(NumericClaimEntity.Key.class)
public class NumericClaimEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;
    @Id
    public String source;
    @Id
    public int ordinal;
    public String kind;
    public double value;
    public String unit;
    public String quantity;
    public String phrase;
    public String context;

    public static class Key implements Serializable {
        public String paperId;
        public String source;
        public int ordinal;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(paperId, k.paperId) && Objects.equals(source, k.source)
                    && ordinal == k.ordinal;
        }

        @Override
        public int hashCode() {
            return Objects.hash(paperId, source, ordinal);
        }
    }
}
