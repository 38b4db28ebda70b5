package dev.paperstream.ingest.oai;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Table {@code oai_harvest}: the stored checkpoint of each harvest, so that a restart resumes. */
@ApplicationScoped
public class OaiCheckpoints {
    private final AgroalDataSource dataSource;

    public OaiCheckpoints(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Checkpoint(String nextFrom, String resumptionToken, long harvested) {
    }

    public Checkpoint load(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT next_from, resumption_token, harvested FROM oai_harvest WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Checkpoint(rs.getString(1), rs.getString(2), rs.getLong(3))
                        : new Checkpoint(null, null, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the OAI checkpoint: " + e.getMessage(), e);
        }
    }

    public void save(String name, String set, String prefix, Checkpoint checkpoint) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO oai_harvest (name, set_spec, metadata_prefix, next_from, resumption_token, harvested)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET next_from = EXCLUDED.next_from,
                            resumption_token = EXCLUDED.resumption_token, harvested = EXCLUDED.harvested,
                            updated_at = now()""")) {
            ps.setString(1, name);
            ps.setString(2, set);
            ps.setString(3, prefix);
            ps.setString(4, checkpoint.nextFrom());
            ps.setString(5, checkpoint.resumptionToken());
            ps.setLong(6, checkpoint.harvested());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the OAI checkpoint: " + e.getMessage(), e);
        }
    }
}
