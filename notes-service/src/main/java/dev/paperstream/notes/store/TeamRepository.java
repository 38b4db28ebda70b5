package dev.paperstream.notes.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Table {@code team}: read here; written with the scores, in the consumer's batch ({@link ScoreRepository}). */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamEntity, String> {

    /** Every team that has scored anything, by name. */
    @Transactional
    public List<String> names() {
        return listAll(Sort.by("name")).stream().map(t -> t.name).toList();
    }
}
