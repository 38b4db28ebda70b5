package dev.paperstream.ingest.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Subscriptions given in configuration (added at start-up) and the polling schedule. */
@ConfigMapping(prefix = "paperstream.subscriptions")
public interface SubscriptionConfig {
    /** Team the configured subscriptions belong to. */
    @WithDefault("default")
    String team();

    /** arXiv categories to follow, e.g. cs.LG,cs.CL. */
    Optional<List<String>> categories();

    /** arXiv API search queries to follow, e.g. ti:"flash attention". */
    Optional<List<String>> queries();

    /** When the scheduled poll runs (Quarkus cron; "off" disables it); read by the scheduler. */
    @WithDefault("0 30 20 ? * SUN-THU")
    String cron();

    /** Time zone of {@link #cron()}: arXiv announces at 20:00 US Eastern. */
    @WithDefault("America/New_York")
    String timeZone();

    /** Newest results fetched per query and poll. */
    @WithDefault("100")
    int queryPageSize();
}
