package dev.paperstream.notes.feeds;

import dev.paperstream.notes.store.FeedTokenRepository;
import dev.paperstream.support.auth.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Per-team feed tokens: made by editors, stored as SHA-256, shown once, revocable. */
@ApplicationScoped
public class FeedTokens {
    private final FeedTokenRepository tokens;

    public FeedTokens(FeedTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** A token as listed: never the token itself, which only its creator saw once. */
    public record FeedToken(long id, String team, String createdBy, Instant createdAt, Instant revokedAt,
            boolean revoked) {
    }

    /** A new token, with the token in clear: the only time it exists outside the feed reader. */
    public record Created(long id, String token) {
    }

    public Created create(String team, String createdBy) {
        String token = Secrets.random();
        return new Created(tokens.create(team, Secrets.sha256Hex(token), createdBy), token);
    }

    /** Newest first, revoked ones too (they say who made them and when they stopped working). */
    public List<FeedToken> list(String team) {
        return tokens.forTeam(team, 200).stream().map(t -> new FeedToken(t.id, t.team, t.createdBy, t.createdAt,
                t.revokedAt, t.revokedAt != null)).toList();
    }

    /** False when the team has no such token; revoking a revoked one again changes nothing. */
    public boolean revoke(String team, long id) {
        return tokens.revoke(team, id);
    }

    /** Whether {@code token} opens {@code team}'s feed: it was made for that team and is not revoked. */
    public boolean opens(String team, String token) {
        return tokens.opens(team, Secrets.sha256Hex(token));
    }

    public static String url(String publicUrl, String team, String token) {
        return publicUrl.replaceAll("/+$", "") + "/feeds/" + team + "/" + token + ".atom";
    }
}
