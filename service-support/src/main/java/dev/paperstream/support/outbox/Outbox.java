package dev.paperstream.support.outbox;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the service's {@code outbox} table inside the caller's transaction, so that the
 * state change and the event commit or roll back together; {@link OutboxRelay} publishes it to Kafka
 * afterwards. Never publish to Kafka directly for a fact that is also written to the database.
 */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource dataSource;

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String INSERT =
            "INSERT INTO outbox (event_id, topic, event_key, ce_type, payload) VALUES (?, ?, ?, ?, ?)";

    /** Adds the event; {@code key} is the Kafka record key (the arXiv id for paper events). Returns its ce_id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String add(String key, Object payload) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            String id = bind(ps, key, payload);
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
    }

    /** Adds many events in one JDBC batch: bulk imports would otherwise spend their time on round trips. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<Keyed> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Keyed event : events) {
                bind(ps, event.key(), event.payload());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
    }

    private static String bind(PreparedStatement ps, String key, Object payload) throws SQLException {
        EventType type = EventType.ofPayload(payload);
        String id = UUID.randomUUID().toString();
        ps.setString(1, id);
        ps.setString(2, type.topic());
        ps.setString(3, key);
        ps.setString(4, type.ceType());
        ps.setString(5, EventJson.write(payload));
        return id;
    }

    /** An event and its Kafka record key. */
    public record Keyed(String key, Object payload) {
    }
}
