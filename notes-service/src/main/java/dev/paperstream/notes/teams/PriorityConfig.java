package dev.paperstream.notes.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the priority service runs: it owns the team profiles the team page edits. Also the REST Client's address
 * (application.properties maps it, with the same default); time-out and retries are {@link PriorityProfileApi}'s.
 */
@ConfigMapping(prefix = "paperstream.priority")
public interface PriorityConfig {
    /** Base URL ({@code PAPERSTREAM_PRIORITY_URL}). */
    @WithDefault("http://localhost:8082")
    String url();
}
