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

    /**
     * What a fresh install follows when nothing is configured: the default team's categories (one
     * combined RSS request) and its query terms (the query API). Applied once per install.
     */
    @WithDefault("cs.LG,cs.CL,cs.AI")
    List<String> defaultCategories();

    /** The default team's terms as one query, so that a poll costs one request, not one per term. */
    @WithDefault("abs:\"flash attention\" OR abs:\"attention kernel\" OR abs:\"efficient attention\""
            + " OR abs:\"KV cache\" OR abs:\"mixture of experts\" OR abs:\"mixed precision\"")
    List<String> defaultQueries();

    /** false: a fresh install follows nothing until someone adds a subscription. */
    @WithDefault("true")
    boolean applyDefaults();

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
