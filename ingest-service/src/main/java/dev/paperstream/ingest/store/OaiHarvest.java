package dev.paperstream.ingest.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where one OAI-PMH harvest (set and metadata format) stands (table {@code oai_harvest}): the resumption
 * token of the page to fetch next while a list is open, and the date the next incremental harvest starts
 * from.
 */
@Entity
@Table(name = "oai_harvest")
public class OaiHarvest {
    /** {@code set:metadataPrefix}, the set empty for all of arXiv. */
    @Id
    public String name;
    @Column(name = "set_spec")
    public String setSpec;
    @Column(name = "metadata_prefix")
    public String metadataPrefix;
    @Column(name = "next_from")
    public String nextFrom;
    @Column(name = "resumption_token")
    public String resumptionToken;
    public long harvested;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
