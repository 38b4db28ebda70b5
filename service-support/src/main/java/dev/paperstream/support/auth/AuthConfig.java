package dev.paperstream.support.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * API tokens. {@code paperstream.auth.admin-token} ({@code PAPERSTREAM_ADMIN_TOKEN}) is the admin's;
 * {@code paperstream.auth.tokens} lists more as {@code role:token} (roles viewer, editor, admin).
 */
@ConfigMapping(prefix = "paperstream.auth")
public interface AuthConfig {
    Optional<String> adminToken();

    Optional<List<String>> tokens();

    /** When true, reads need at least a viewer token too; writes always need editor or admin. */
    @WithDefault("false")
    boolean readsNeedToken();
}
