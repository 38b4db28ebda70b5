package dev.paperstream.notes.store;

import dev.paperstream.events.PaperParsed;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The parsed full text of each paper's newest parsed version. Events of one paper arrive in order on one
 * partition, so the row lock only guards against an operator's replay running beside the consumer.
 */
@ApplicationScoped
public class ParsedRepository implements PanacheRepositoryBase<PaperParsedEntity, String> {

    /** True when this version is now the stored one (an older version never replaces a newer one). */
    @Transactional
    public boolean upsert(PaperParsed p) {
        PaperParsedEntity stored = findById(p.id(), LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            PaperParsedEntity row = new PaperParsedEntity();
            row.copy(p);
            persist(row);
            return true;
        }
        if (stored.version > p.version()) {
            return false;
        }
        stored.copy(p);
        return true;
    }

    @Transactional
    public Optional<PaperParsed> find(String paperId) {
        return findByIdOptional(paperId).map(PaperParsedEntity::toEvent);
    }
}
