package dev.paperstream.support.admin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The dead letters this service has replayed (table {@code dead_letter_replay}), keyed "topic-partition@offset". */
@ApplicationScoped
public class DeadLetterReplays {
    private final AgroalDataSource dataSource;

    public DeadLetterReplays(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String key(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** When each replayed dead letter of {@code topic} was replayed. */
    public Map<String, Instant> of(String topic) {
        Map<String, Instant> replayed = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT dead_letter_partition, dead_letter_offset, replayed_at"
                        + " FROM dead_letter_replay WHERE dead_letter_topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replayed.put(key(topic, rs.getInt(1), rs.getLong(2)), rs.getTimestamp(3).toInstant());
                }
            }
            return replayed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dead-letter replays: " + e.getMessage(), e);
        }
    }

    /** Notes the replay of one dead letter (after the broker took the re-published record). */
    public void record(String topic, int partition, long offset) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letter_replay"
                        + " (dead_letter_topic, dead_letter_partition, dead_letter_offset) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, topic);
            ps.setInt(2, partition);
            ps.setLong(3, offset);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record dead-letter replay: " + e.getMessage(), e);
        }
    }
}
