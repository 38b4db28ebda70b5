package dev.paperstream.notes.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Table {@code web_session}, by the SHA-256 of the cookie's id. */
@ApplicationScoped
public class WebSessionRepository implements PanacheRepositoryBase<WebSessionEntity, String> {

    @Transactional
    public void create(WebSessionEntity session) {
        persist(session);
    }

    /** The session, unless it is past its absolute expiry or was last seen before {@code idleSince}. */
    @Transactional
    public Optional<WebSessionEntity> findLive(String idHash, Instant idleSince) {
        Instant now = Instant.now();
        return find("idHash = ?1 and expiresAt > ?2 and lastSeenAt > ?3", idHash, now, idleSince).firstResultOptional();
    }

    @Transactional
    public void touch(String idHash) {
        update("lastSeenAt = ?1 where idHash = ?2", Instant.now(), idHash);
    }

    @Transactional
    public void deleteByHash(String idHash) {
        deleteById(idHash);
    }

    @Transactional
    public void purgeExpired(Instant idleSince) {
        delete("expiresAt <= ?1 or lastSeenAt <= ?2", Instant.now(), idleSince);
    }
}
