package dev.paperstream.notes.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the priority service runs: it owns the team profiles the team page edits. */
@ConfigMapping(prefix = "paperstream.priority")
public interface PriorityConfig {
    /** Base URL ({@code PAPERSTREAM_PRIORITY_URL}). */
    @WithDefault("http://localhost:8082")
    String url();

    @WithDefault("PT5S")
    Duration timeout();
}
