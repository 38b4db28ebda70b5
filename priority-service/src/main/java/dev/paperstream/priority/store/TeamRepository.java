package dev.paperstream.priority.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Team profiles as the teams edited them. */
@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamProfileEntity, String> {

    public List<TeamProfileEntity> all() {
        return listAll(Sort.by("team"));
    }

    /** Stores the profile, replacing the team's previous one. */
    @Transactional
    public void save(TeamProfileEntity profile) {
        profile.updatedAt = Instant.now();
        getEntityManager().merge(profile);
    }
}
