package dev.paperstream.support.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consumer side of exactly-once effects: {@link #firstDelivery} runs in the same transaction as the
 * consumer's writes; a redelivered event (same ce_id and consumer) returns false and the consumer skips it.
 * Consumers do not call it themselves: {@code @RecordConsumer("<name>")} ({@link FirstDeliveryInterceptor}) and
 * {@link BatchConsumption#consume} do, except those of channels still read as text.
 */
@ApplicationScoped
public class ProcessedEvents {
    private final AgroalDataSource dataSource;

    public ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed event: " + e.getMessage(), e);
        }
    }

    /**
     * For a batch: the events among {@code events} delivered for the first time to {@code consumer}, in their
     * order, each id once (a second copy within the batch is a redelivery too). One statement for the batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<ReceivedEvent<T>> firstDeliveries(String consumer, List<ReceivedEvent<T>> events) {
        if (events.isEmpty()) {
            return events;
        }
        Set<String> fresh = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO processed_event (consumer, event_id)"
                        + " SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("text", events.stream().map(ReceivedEvent::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed events: " + e.getMessage(), e);
        }
        List<ReceivedEvent<T>> first = new ArrayList<>(fresh.size());
        for (ReceivedEvent<T> event : events) {
            if (fresh.remove(event.id())) {
                first.add(event);
            }
        }
        return first;
    }
}
