package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A signed-in browser (table {@code web_session}): the SHA-256 of the cookie's id, never the id, and the API
 * token sealed with a key only the id gives.
 */
@Entity
@Table(name = "web_session")
public class WebSessionEntity {
    @Id
    @Column(name = "id_hash")
    public String idHash;
    public String principal;
    /** Comma-separated, sorted. */
    public String roles;
    @Column(name = "sealed_token")
    public byte[] sealedToken;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    /** Comma-separated, sorted; null: every team; empty: no team (an OIDC session whose ID token named none). */
    public String teams;
    /** {@code token} or {@code oidc} (see {@code WebSessions.SignInMethod}). */
    @Column(name = "signed_in_with")
    public String signedInWith;
}
