package dev.paperstream.priority.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Papers found to be the same work as an earlier paper (table {@code paper_duplicate}, V14), so that every score
 * of such a paper names the other one.
 */
@ApplicationScoped
public class DuplicateRepository {
    private final AgroalDataSource dataSource;

    public DuplicateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Paper {@code paperId} is the same work as {@code duplicateOf}, their embeddings at this cosine. */
    public record Duplicate(String paperId, String duplicateOf, double cosine) {
    }

    /** Records the duplicates found; a paper found again keeps its first (earlier) match. */
    public void recordAll(List<Duplicate> found) {
        if (found.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO paper_duplicate (paper_id, duplicate_of, cosine)
                SELECT * FROM unnest(?::text[], ?::text[], ?::float8[]) ON CONFLICT (paper_id) DO NOTHING""")) {
            ps.setArray(1, c.createArrayOf("text", found.stream().map(Duplicate::paperId).toArray()));
            ps.setArray(2, c.createArrayOf("text", found.stream().map(Duplicate::duplicateOf).toArray()));
            ps.setArray(3, c.createArrayOf("float8", found.stream().map(Duplicate::cosine).toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + found.size() + " duplicates: " + e.getMessage(), e);
        }
    }

    /** The duplicates among {@code paperIds}, by paper id, in one query. */
    public Map<String, Duplicate> forPapers(Collection<String> paperIds) {
        Map<String, Duplicate> out = new HashMap<>();
        if (paperIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT paper_id, duplicate_of, cosine FROM paper_duplicate WHERE paper_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", paperIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Duplicate(rs.getString(1), rs.getString(2), rs.getDouble(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read duplicates: " + e.getMessage(), e);
        }
    }
}
