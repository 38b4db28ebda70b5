package dev.paperstream.ingest.oai;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Table {@code oai_harvest}: the stored checkpoint of each harvest, so that a restart resumes. */
@ApplicationScoped
public class OaiCheckpoints {
    private final AgroalDataSource dataSource;

    public OaiCheckpoints(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Checkpoint(String nextFrom, String resumptionToken, long harvested) {
    }

    // the advisory-lock class of OAI harvests (first key of the two-key form); the second is the name's hash
    private static final int LOCK_CLASS = 0x4f414931;

    /**
     * Holds the harvest {@code name} for this caller until {@link Lease#close}: a PostgreSQL session
     * advisory lock, so that no two instances harvest the same list at once (two would send the same
     * resumption token twice); it goes with the session if the instance dies. Empty when it is held elsewhere.
     */
    public Optional<Lease> tryLock(String name) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new Lease(c, name));
                    }
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot lock the OAI harvest " + name + ": " + e.getMessage(), e);
        }
    }

    /** A held harvest; closing it releases the lock and the connection that holds it. */
    public static final class Lease implements AutoCloseable {
        private final Connection connection;
        private final String name;

        private Lease(Connection connection, String name) {
            this.connection = connection;
            this.name = name;
        }

        @Override
        public void close() {
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, name);
                ps.execute();
            } catch (SQLException brokenConnection) {
                // the unlock only fails with the connection, and a session that ends takes its locks with it
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
        }
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
