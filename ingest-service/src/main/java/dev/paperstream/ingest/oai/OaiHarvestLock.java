package dev.paperstream.ingest.oai;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Holds an OAI-PMH harvest for one caller across all instances: a PostgreSQL session advisory lock, so
 * that no two instances harvest the same list at once (two would send the same resumption token twice).
 * It goes with the session if the instance dies. Hand-written: the lock lives on one connection for the
 * whole harvest, outside any transaction.
 */
@ApplicationScoped
public class OaiHarvestLock {
    // the advisory-lock class of OAI harvests (first key of the two-key form); the second is the name's hash
    private static final int LOCK_CLASS = 0x4f414931;

    private final AgroalDataSource dataSource;

    public OaiHarvestLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Holds the harvest {@code name} until {@link Lease#close}; empty when it is held elsewhere. */
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
}
