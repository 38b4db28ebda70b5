package dev.paperstream.ingest.store;

import dev.paperstream.events.PaperDiscovered;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The versions of papers ingest has seen (table {@code paper_version}). The import path writes and reads
 * whole batches (up to 5000 versions) in one statement each, through JDBC: see the module README.
 */
@ApplicationScoped
public class PaperVersionRepository implements PanacheRepositoryBase<PaperVersion, VersionKey> {
    private final AgroalDataSource dataSource;

    public PaperVersionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores each version unless it is known; element i of the answer is true when papers[i] was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] insertIfNew(List<PaperDiscovered> papers) {
        int n = papers.size();
        String[] ids = new String[n];
        Integer[] versions = new Integer[n];
        String[] titles = new String[n];
        String[] primaries = new String[n];
        Timestamp[] published = new Timestamp[n];
        Timestamp[] updated = new Timestamp[n];
        String[] sources = new String[n];
        for (int i = 0; i < n; i++) {
            PaperDiscovered p = papers.get(i);
            ids[i] = p.id();
            versions[i] = p.version();
            titles[i] = p.title();
            primaries[i] = p.primaryCategory();
            published[i] = Timestamp.from(p.published());
            updated[i] = p.updated() == null ? null : Timestamp.from(p.updated());
            sources[i] = p.source().name().toLowerCase();
        }
        // one statement for the whole batch; RETURNING names the versions that were new
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO paper_version (arxiv_id, version, title, primary_category, published, updated,
                                                   source)
                        SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::timestamptz[],
                                             ?::timestamptz[], ?::text[])
                        ON CONFLICT (arxiv_id, version) DO NOTHING
                        RETURNING arxiv_id, version""")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("int4", versions));
            ps.setArray(3, c.createArrayOf("text", titles));
            ps.setArray(4, c.createArrayOf("text", primaries));
            ps.setArray(5, c.createArrayOf("timestamptz", published));
            ps.setArray(6, c.createArrayOf("timestamptz", updated));
            ps.setArray(7, c.createArrayOf("text", sources));
            Set<String> fresh = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1) + "v" + rs.getInt(2));
                }
            }
            boolean[] result = new boolean[n];
            for (int i = 0; i < n; i++) {
                // a version listed twice in one batch is new only the first time
                result[i] = fresh.remove(papers.get(i).versionedId());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store paper versions: " + e.getMessage(), e);
        }
    }

    /** The highest stored version of a paper and the date of its last change (updated, else published). */
    public record LatestVersion(int version, Instant lastChange) {
    }

    /** The highest stored version of each of the papers (ids without version) that has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, LatestVersion> latestVersions(Collection<String> arxivIds) {
        Map<String, LatestVersion> latest = new HashMap<>();
        if (arxivIds.isEmpty()) {
            return latest;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT DISTINCT ON (arxiv_id) arxiv_id, version, coalesce(updated, published)
                        FROM paper_version WHERE arxiv_id = ANY (?::text[])
                        ORDER BY arxiv_id, version DESC""")) {
            ps.setArray(1, c.createArrayOf("text", arxivIds.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getString(1), new LatestVersion(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return latest;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read paper versions: " + e.getMessage(), e);
        }
    }

    /** The highest version of the paper that ingest has seen. */
    @Transactional
    public OptionalInt latestVersion(String arxivId) {
        return find("arxivId", Sort.descending("version"), arxivId).firstResultOptional()
                .map(p -> OptionalInt.of(p.version)).orElse(OptionalInt.empty());
    }
}
