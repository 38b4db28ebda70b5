package dev.paperstream.ingest.store;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.PaperParsed;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Table {@code parsed_paper}. */
@ApplicationScoped
public class ParsedPaperRepository implements PanacheRepositoryBase<ParsedPaper, VersionKey> {

    /**
     * Stores the structure, replacing an earlier parse of the same version. An upsert, so that a parse
     * posted by hand and one of the download worker may finish at the same time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(PaperParsed parsed) {
        getEntityManager().createQuery("""
                insert into ParsedPaper (arxivId, version, parser, payload, parsedAt)
                values (:id, :version, :parser, :payload, :parsedAt)
                on conflict (arxivId, version) do update
                set parser = excluded.parser, payload = excluded.payload, parsedAt = excluded.parsedAt""")
                .setParameter("id", parsed.id()).setParameter("version", parsed.version())
                .setParameter("parser", parsed.parser()).setParameter("payload", EventJson.write(parsed))
                .setParameter("parsedAt", Instant.now())
                .executeUpdate();
    }

    /** The parsed structure of that version, or of the latest parsed version when version is 0. */
    @Transactional
    public Optional<PaperParsed> parsed(String id, int version) {
        Optional<ParsedPaper> row = version > 0 ? findByIdOptional(new VersionKey(id, version))
                : find("arxivId", Sort.descending("version"), id).firstResultOptional();
        return row.map(p -> EventJson.read(p.payload, PaperParsed.class));
    }
}
