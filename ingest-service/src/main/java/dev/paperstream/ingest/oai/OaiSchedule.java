package dev.paperstream.ingest.oai;

import dev.paperstream.ingest.arxiv.ArxivConfig;
import dev.paperstream.ingest.arxiv.ArxivContact;
import dev.paperstream.ingest.arxiv.ArxivUnavailableException;
import dev.paperstream.ingest.feed.UnreadableDocumentException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Harvests the configured sets ({@code paperstream.oai.sets}) on {@code paperstream.oai.cron}, each
 * from its stored checkpoint: an unfinished list resumes from its resumption token, a finished one
 * asks for what changed since its last response date. A set that another instance is harvesting is
 * skipped until the next run. Without an operator contact for arXiv the scheduled run does nothing and
 * says why ({@link ArxivContact}); a harvest started by hand still runs.
 */
@ApplicationScoped
public class OaiSchedule {
    private static final Logger LOG = Logger.getLogger(OaiSchedule.class);

    private final OaiHarvester harvester;
    private final OaiConfig config;
    private final ArxivConfig arxiv;

    public OaiSchedule(OaiHarvester harvester, OaiConfig config, ArxivConfig arxiv) {
        this.harvester = harvester;
        this.config = config;
        this.arxiv = arxiv;
    }

    /** What the run did for one set: the harvest, or why there was none. */
    public record Outcome(String set, OaiHarvester.Harvest harvest, String skipped, String error) {
    }

    @Scheduled(cron = "${paperstream.oai.cron:0 0 22 ? * SUN-THU}",
            timeZone = "${paperstream.oai.time-zone:America/New_York}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!ArxivContact.allowsScheduledPolling(arxiv, "the scheduled OAI-PMH harvest")) {
            return;
        }
        List<Outcome> outcomes = harvestConfiguredSets();
        if (!outcomes.isEmpty()) {
            LOG.infof("scheduled OAI-PMH harvest: %s", outcomes);
        }
    }

    /** One pass over the configured sets, in order; a failing set does not stop the others. */
    public List<Outcome> harvestConfiguredSets() {
        List<Outcome> outcomes = new ArrayList<>();
        for (String set : config.sets().orElse(List.of())) {
            String s = set.trim();
            try {
                outcomes.add(new Outcome(s, harvester.harvest(s, config.metadataPrefix(), config.maxPages()), null,
                        null));
            } catch (OaiHarvestBusyException e) {
                outcomes.add(new Outcome(s, null, e.getMessage(), null));
            } catch (ArxivUnavailableException | UnreadableDocumentException e) {
                LOG.warnf("scheduled OAI-PMH harvest of %s failed; the next run resumes from its checkpoint: %s", s,
                        e.getMessage());
                outcomes.add(new Outcome(s, null, null, e.getMessage()));
            }
        }
        return outcomes;
    }
}
