package dev.paperstream.ingest.oai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Scheduled incremental OAI-PMH harvests: none unless sets are configured. */
@ConfigMapping(prefix = "paperstream.oai")
public interface OaiConfig {
    /** OAI-PMH sets to harvest on the schedule, e.g. cs,math; none (the default) means no scheduled harvest. */
    Optional<List<String>> sets();

    /** When the scheduled harvest runs (Quarkus cron; "off" disables it); read by the scheduler. */
    @WithDefault("0 0 22 ? * SUN-THU")
    String cron();

    /** Time zone of {@link #cron()}: after arXiv's 20:00 US Eastern announcement and the subscription poll. */
    @WithDefault("America/New_York")
    String timeZone();

    /** arXivRaw, arXiv or oai_dc. */
    @WithDefault("arXivRaw")
    String metadataPrefix();

    /** Pages (up to 1000 records each, 3 s apart at least) per set and run; the next run resumes from the token. */
    @WithDefault("50")
    int maxPages();
}
