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
}
