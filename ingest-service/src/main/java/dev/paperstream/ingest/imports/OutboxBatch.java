package dev.paperstream.ingest.imports;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Adds many paper.discovered events to the service's outbox in one JDBC batch, inside the caller's
 * transaction: the same rows {@link dev.paperstream.support.outbox.Outbox#add} writes one statement
 * at a time, which caps bulk imports near 2,000 papers/s. The relay publishes them like any other.
 */
@ApplicationScoped
public class OutboxBatch {
    private final AgroalDataSource dataSource;

    public OutboxBatch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<PaperDiscovered> papers) {
        if (papers.isEmpty()) {
            return;
        }
        EventType type = EventType.PAPER_DISCOVERED;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO outbox (event_id, topic, event_key, ce_type, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (PaperDiscovered paper : papers) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, type.topic());
                ps.setString(3, paper.id());
                ps.setString(4, type.ceType());
                ps.setString(5, EventJson.write(paper));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
    }
}
