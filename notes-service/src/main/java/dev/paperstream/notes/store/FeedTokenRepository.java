package dev.paperstream.notes.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Table {@code feed_token}. */
@ApplicationScoped
public class FeedTokenRepository implements PanacheRepository<FeedTokenEntity> {

    /** Stores a new token by its hash; answers its id. */
    @Transactional
    public long create(String team, String tokenHash, String createdBy) {
        FeedTokenEntity token = new FeedTokenEntity();
        token.team = team;
        token.tokenHash = tokenHash;
        token.createdBy = createdBy;
        token.createdAt = Instant.now();
        persist(token);
        return token.id;
    }

    /** Newest first, revoked ones too; at most {@code limit}. */
    @Transactional
    public List<FeedTokenEntity> forTeam(String team, int limit) {
        return find("team", Sort.descending("id"), team).range(0, limit - 1).list();
    }

    /** False when the team has no such token; revoking a revoked one again changes nothing. */
    @Transactional
    public boolean revoke(String team, long id) {
        return update("revokedAt = coalesce(revokedAt, ?1) where team = ?2 and id = ?3", Instant.now(), team, id) == 1;
    }

    @Transactional
    public boolean opens(String team, String tokenHash) {
        return count("tokenHash = ?1 and team = ?2 and revokedAt is null", tokenHash, team) > 0;
    }
}
