package dev.paperstream.ingest.subscription;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code subscription}. */
@ApplicationScoped
public class SubscriptionRepository {
    private static final String COLUMNS =
            "id, team, kind, value, created_at, last_polled_at, last_accepted, last_error";

    private final AgroalDataSource dataSource;

    public SubscriptionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Subscription> all() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM subscription ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            List<Subscription> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subscriptions: " + e.getMessage(), e);
        }
    }

    public Optional<Subscription> find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    /** Adds it, or returns the existing one for the same team, kind and value. */
    public Subscription add(String team, Subscription.Kind kind, String value) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO subscription (team, kind, value) VALUES (?, ?, ?)
                        ON CONFLICT (team, kind, value) DO UPDATE SET team = EXCLUDED.team
                        RETURNING """ + " " + COLUMNS)) {
            ps.setString(1, team);
            ps.setString(2, kind.name());
            ps.setString(3, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add subscription: " + e.getMessage(), e);
        }
    }

    /**
     * Gives a fresh install its default subscriptions: only the first time any instance asks, and only
     * when nothing is followed yet. Returns whether it added them.
     */
    public boolean applyDefaultsOnce(String team, List<String> categories, List<String> queries) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean added = false;
                if (firstTime(c, team) && isEmpty(c)) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO subscription (team, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                        addBatch(ps, team, Subscription.Kind.category, categories);
                        addBatch(ps, team, Subscription.Kind.query, queries);
                        ps.executeBatch();
                    }
                    added = true;
                }
                c.commit();
                return added;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply the default subscriptions: " + e.getMessage(), e);
        }
    }

    private static boolean firstTime(Connection c, String team) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO subscription_defaults (team) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, team);
            return ps.executeUpdate() == 1;
        }
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM subscription)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void addBatch(PreparedStatement ps, String team, Subscription.Kind kind, List<String> values)
            throws SQLException {
        for (String value : values) {
            if (!value.isBlank()) {
                ps.setString(1, team);
                ps.setString(2, kind.name());
                ps.setString(3, value.trim());
                ps.addBatch();
            }
        }
    }

    public boolean delete(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM subscription WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete subscription: " + e.getMessage(), e);
        }
    }

    /** Records a poll's outcome on every subscription of that kind and value, whatever the team. */
    public void recordPoll(Subscription.Kind kind, String value, Integer accepted, String error) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        UPDATE subscription SET last_polled_at = now(), last_accepted = ?, last_error = ?
                        WHERE kind = ? AND value = ?""")) {
            if (accepted == null) {
                ps.setNull(1, java.sql.Types.INTEGER);
            } else {
                ps.setInt(1, accepted);
            }
            ps.setString(2, error);
            ps.setString(3, kind.name());
            ps.setString(4, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record poll: " + e.getMessage(), e);
        }
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        Timestamp polled = rs.getTimestamp(6);
        int accepted = rs.getInt(7);
        return new Subscription(rs.getLong(1), rs.getString(2), Subscription.Kind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getTimestamp(5).toInstant(), polled == null ? null : polled.toInstant(),
                rs.wasNull() ? null : accepted, rs.getString(8));
    }
}
