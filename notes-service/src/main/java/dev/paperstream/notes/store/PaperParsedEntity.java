package dev.paperstream.notes.store;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The parsed full text of a paper's newest parsed version (table {@code paper_parsed}). Sections and
 * algorithm blocks stay the event's JSON text: they are shown and prefilled whole, never queried by field.
 */
@Entity
@Table(name = "paper_parsed")
public class PaperParsedEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;
    public int version;
    public String parser;
    public String sections;
    public String algorithms;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "code_links", nullable = false)
    public List<String> codeLinks;
    @Column(name = "reference_count")
    public int referenceCount;
    @Column(name = "has_limitations")
    public boolean hasLimitations;
    @Column(name = "has_appendix")
    public boolean hasAppendix;
    @Column(name = "received_at")
    public Instant receivedAt;

    void copy(PaperParsed p) {
        paperId = p.id();
        version = p.version();
        parser = p.parser();
        sections = EventJson.write(p.sections());
        algorithms = EventJson.write(p.algorithms());
        codeLinks = List.copyOf(p.codeLinks());
        referenceCount = p.referenceCount();
        hasLimitations = p.hasLimitations();
        hasAppendix = p.hasAppendix();
        receivedAt = Instant.now();
    }

    /** The event as stored; the references and figures it carried are not kept. */
    public PaperParsed toEvent() {
        return new PaperParsed(paperId, version, parser,
                List.of(EventJson.read(sections, PaperParsed.Section[].class)), List.of(), List.of(),
                List.of(EventJson.read(algorithms, PaperParsed.AlgorithmBlock[].class)), referenceCount,
                List.copyOf(codeLinks), hasLimitations, hasAppendix);
    }
}
