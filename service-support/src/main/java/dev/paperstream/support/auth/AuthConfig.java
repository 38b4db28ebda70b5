package dev.paperstream.support.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * API tokens. {@code paperstream.auth.admin-token} ({@code PAPERSTREAM_ADMIN_TOKEN}) is the admin's;
 * {@code paperstream.auth.tokens} lists more as {@code role:token} (roles viewer, editor, admin). A configured
 * token shorter than {@code min-token-length} stops the service at start.
 */
@ConfigMapping(prefix = "paperstream.auth")
public interface AuthConfig {
    Optional<String> adminToken();

    Optional<List<String>> tokens();

    /**
     * When true ({@code PAPERSTREAM_AUTH_READS_NEED_TOKEN}), reads need at least a viewer token too: every
     * {@code /api/} call answers 401 without one. Writes always need editor or admin.
     */
    @WithDefault("false")
    boolean readsNeedToken();

    /** The fewest characters a configured token may have (8 to 256; 24 by default). */
    @WithDefault("24")
    int minTokenLength();

    /** How an OIDC access token's claims become roles and teams (OIDC itself: {@code quarkus.oidc.*}). */
    Oidc oidc();

    interface Oidc {
        /**
         * The claim that lists the caller's roles (viewer, editor, admin; other values are ignored): an array, or
         * a string of names separated by spaces or commas; a dotted path reads a nested claim
         * ({@code realm_access.roles}).
         */
        @WithDefault("groups")
        String rolesClaim();

        /** The claim that lists the caller's teams, read the same way; the value {@code *} means every team. */
        @WithDefault("paperstream_teams")
        String teamsClaim();
    }
}
