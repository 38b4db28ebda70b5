package dev.paperstream.notes.store;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The lease mechanics of a delivery table ({@code digest_delivery}, {@code reminder_delivery}): pending rows are
 * claimed for a lease with {@code FOR UPDATE SKIP LOCKED} (instances never claim the same row), sent outside any
 * transaction, then recorded as delivered, failed or released. A claim whose lease ran out (its worker died
 * between sending and recording) is claimed again; {@code claim_token} tells a claim from a later one.
 */
final class LeasedDeliveries {
    /** Reads one claimed row: the table's columns and its channel's {@code secret}. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final String table;

    LeasedDeliveries(AgroalDataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * Claims pending rows of the table (alias {@code d}) that are not leased and match {@code condition}
     * ({@code params} are its parameters), at most {@code limit} (null: all), for {@code lease}; answers them
     * oldest first. {@code join} may join more tables for the condition.
     */
    <T> List<T> claim(String join, String condition, List<Object> params, Integer limit, Duration lease,
            UUID claimToken, RowReader<T> reader) {
        String sql = "WITH due AS (SELECT d.id FROM " + table + " d " + join
                + " WHERE d.status = 'PENDING' AND (d.claimed_until IS NULL OR d.claimed_until < now()) AND ("
                + condition + ") ORDER BY d.id" + (limit == null ? "" : " LIMIT ?") + " FOR UPDATE OF d SKIP LOCKED)"
                + ", claimed AS (UPDATE " + table + " d"
                + " SET claimed_until = now() + make_interval(secs => ?), claim_token = ? FROM due WHERE d.id = due.id"
                + " RETURNING d.*, (SELECT secret FROM team_channel ch WHERE ch.team = d.team AND ch.kind = d.kind"
                + " AND ch.target = d.target) AS secret)"
                + " SELECT * FROM claimed ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object param : params) {
                ps.setObject(i++, param);
            }
            if (limit != null) {
                ps.setInt(i++, limit);
            }
            ps.setDouble(i++, lease.toMillis() / 1000.0);
            ps.setObject(i, claimToken);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot claim from " + table, e);
        }
    }

    /** Records a delivery that arrived, whoever claimed it last: arrived is final. */
    void delivered(long id) {
        execute("UPDATE " + table + " SET status = 'DELIVERED', attempts = attempts + 1, last_error = NULL,"
                + " delivered_at = clock_timestamp(), claimed_until = NULL, claim_token = NULL"
                + " WHERE id = ? AND status = 'PENDING'", id);
    }

    /** Records a failed attempt of this claim and ends the claim; it is claimed again unless {@code giveUp}. */
    void failed(long id, UUID claimToken, String error, boolean giveUp) {
        execute("UPDATE " + table + " SET attempts = attempts + 1, last_error = ?,"
                + " status = CASE WHEN ? THEN 'FAILED' ELSE status END, claimed_until = NULL, claim_token = NULL"
                + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'", error, giveUp, id, claimToken);
    }

    /** Gives a claimed delivery back unsent. */
    void release(long id, UUID claimToken) {
        execute("UPDATE " + table + " SET claimed_until = NULL, claim_token = NULL WHERE id = ? AND claim_token = ?",
                id, claimToken);
    }

    private void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot record a delivery in " + table, e);
        }
    }
}
