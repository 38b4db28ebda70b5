package dev.paperstream.notes.store;

import dev.paperstream.notes.notes.NumericClaim;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric claims found in a paper's full text; a new extraction replaces the old. The abstract's claims are
 * extracted when the notes are read ({@code api.NotesReader}).
 */
@ApplicationScoped
public class ClaimRepository {
    // the only source stored: the abstract's claims are worked out when the notes are read
    private static final String FULLTEXT = "fulltext";

    private final AgroalDataSource dataSource;

    public ClaimRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void replace(String paperId, List<NumericClaim> claims) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM numeric_claim WHERE paper_id = ? AND source = ?");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO numeric_claim (paper_id, source, ordinal, kind, value, unit, quantity, phrase, context)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            delete.setString(1, paperId);
            delete.setString(2, FULLTEXT);
            delete.executeUpdate();
            for (int i = 0; i < claims.size(); i++) {
                NumericClaim claim = claims.get(i);
                insert.setString(1, paperId);
                insert.setString(2, FULLTEXT);
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

    public List<NumericClaim> forPaper(String paperId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM numeric_claim WHERE paper_id = ? AND source = ? ORDER BY ordinal")) {
            ps.setString(1, paperId);
            ps.setString(2, FULLTEXT);
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
