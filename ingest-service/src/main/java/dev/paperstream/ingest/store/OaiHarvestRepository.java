package dev.paperstream.ingest.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Table {@code oai_harvest}: the stored checkpoint of each harvest, so that a restart resumes. Only the
 * holder of the harvest's lock ({@code oai.OaiHarvestLock}) reads and writes a harvest's row.
 */
@ApplicationScoped
public class OaiHarvestRepository implements PanacheRepositoryBase<OaiHarvest, String> {

    public record Checkpoint(String nextFrom, String resumptionToken, long harvested) {
        static final Checkpoint START = new Checkpoint(null, null, 0);
    }

    @Transactional
    public Checkpoint checkpoint(String name) {
        return findByIdOptional(name).map(h -> new Checkpoint(h.nextFrom, h.resumptionToken, h.harvested))
                .orElse(Checkpoint.START);
    }

    @Transactional
    public void save(String name, String set, String metadataPrefix, Checkpoint checkpoint) {
        OaiHarvest harvest = findById(name);
        boolean fresh = harvest == null;
        if (fresh) {
            harvest = new OaiHarvest();
            harvest.name = name;
            harvest.setSpec = set;
            harvest.metadataPrefix = metadataPrefix;
        }
        harvest.nextFrom = checkpoint.nextFrom();
        harvest.resumptionToken = checkpoint.resumptionToken();
        harvest.harvested = checkpoint.harvested();
        harvest.updatedAt = Instant.now();
        if (fresh) {
            persist(harvest);
        }
    }
}
