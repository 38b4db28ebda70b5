package dev.paperstream.notes.notes;

import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Numeric claims per paper and source ({@code abstract} or {@code fulltext}); a new extraction replaces the old. */
@ApplicationScoped
public class ClaimRepository {
    public static final String ABSTRACT = "abstract";
    public static final String FULLTEXT = "fulltext";

    private final AgroalDataSource dataSource;

    public ClaimRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void replace(String paperId, String source, List<NumericClaim> claims) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM numeric_claim WHERE paper_id = ? AND source = ?");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO numeric_claim (paper_id, source, ordinal, kind, value, unit, quantity, phrase, context)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            delete.setString(1, paperId);
            delete.setString(2, source);
            delete.executeUpdate();
            for (int i = 0; i < claims.size(); i++) {
                NumericClaim claim = claims.get(i);
                insert.setString(1, paperId);
                insert.setString(2, source);
                insert.setInt(3, i);
                insert.setString(4, claim.kind());
                insert.setDouble(5, claim.value());
                insert.setString(6, claim.unit());
                insert.setString(7, claim.quantity());
                insert.setString(8, claim.phrase());
                insert.setString(9, claim.context());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("cannot store claims of " + paperId, e);
        }
    }

    /** {@link #replace} for many papers, claims by paper id: two statements in all. */
    public void replaceAll(Map<String, List<NumericClaim>> claimsByPaper, String source) {
        if (claimsByPaper.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        List<NumericClaim> all = new ArrayList<>();
        claimsByPaper.forEach((id, claims) -> {
            for (int i = 0; i < claims.size(); i++) {
                ids.add(id);
                ordinals.add(i);
                all.add(claims.get(i));
            }
        });
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM numeric_claim WHERE paper_id = ANY (?) AND source = ?");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO numeric_claim (paper_id, source, ordinal, kind, value, unit, quantity, phrase, context)
                        SELECT paper_id, ?, ordinal, kind, value, unit, quantity, phrase, context
                        FROM unnest(?::text[], ?::int[], ?::text[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[])
                            AS c(paper_id, ordinal, kind, value, unit, quantity, phrase, context)""")) {
            delete.setArray(1, Sql.textArray(c, List.copyOf(claimsByPaper.keySet())));
            delete.setString(2, source);
            delete.executeUpdate();
            if (all.isEmpty()) {
                return;
            }
            insert.setString(1, source);
            insert.setArray(2, Sql.textArray(c, ids));
            insert.setArray(3, Sql.array(c, "int4", ordinals.toArray()));
            insert.setArray(4, Sql.array(c, "text", all.stream().map(NumericClaim::kind).toArray()));
            insert.setArray(5, Sql.array(c, "float8", all.stream().map(NumericClaim::value).toArray()));
            insert.setArray(6, Sql.array(c, "text", all.stream().map(NumericClaim::unit).toArray()));
            insert.setArray(7, Sql.array(c, "text", all.stream().map(NumericClaim::quantity).toArray()));
            insert.setArray(8, Sql.array(c, "text", all.stream().map(NumericClaim::phrase).toArray()));
            insert.setArray(9, Sql.array(c, "text", all.stream().map(NumericClaim::context).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot store claims of " + claimsByPaper.size() + " papers", e);
        }
    }

    /** Full-text claims first: they are the more precise source. */
    public List<NumericClaim> forPaper(String paperId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM numeric_claim WHERE paper_id = ? ORDER BY source DESC, ordinal")) {
            ps.setString(1, paperId);
            List<NumericClaim> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NumericClaim(rs.getString("kind"), rs.getDouble("value"), rs.getString("unit"),
                            rs.getString("quantity"), rs.getString("phrase"), rs.getString("context")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read claims of " + paperId, e);
        }
    }
}
