package dev.paperstream.support.outbox;

import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the service's {@code outbox} table inside the caller's transaction, so that the
 * state change and the event commit or roll back together; {@link OutboxRelay} publishes it to Kafka
 * afterwards (woken as soon as the transaction commits). Never publish to Kafka directly for a fact
 * that is also written to the database.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT =
            "INSERT INTO outbox (event_id, topic, event_key, ce_type, payload) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_BUNDLE = "INSERT INTO outbox (event_id, events, bundle) VALUES (?, ?, ?)";
    private static final Object WAKE_REGISTERED = new Object();

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Adds the event; {@code key} is the Kafka record key (the arXiv id for paper events). Returns its ce_id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String add(String key, Object payload) {
        return addOne(Written.of(key, payload));
    }

    private String addOne(Written event) {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, id);
            ps.setString(2, event.type().topic());
            ps.setString(3, event.key());
            ps.setString(4, event.type().ceType());
            ps.setString(5, event.json());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * Adds many events already serialised (each payload's JSON from {@link EventJson#write}), in this
     * order, as few bundle rows ({@link OutboxBundle}): a bulk import would otherwise spend its time on
     * one outbox row per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAllWritten(List<Written> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() == 1) {
            // a plain row: the relay reads it without decompressing anything
            addOne(events.get(0));
            return;
        }
        String[] ids = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_BUNDLE)) {
            for (OutboxBundle.Packed bundle : OutboxBundle.pack(events, ids)) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setInt(2, bundle.events());
                ps.setBytes(3, bundle.bytes());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write to the outbox: " + e.getMessage(), e);
        }
        wakeRelayAfterCommit();
    }

    // without this the rows wait for the relay's next poll, which is most of the latency of a small import
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    /** An event already serialised: its Kafka record key, type and JSON. */
    public record Written(String key, EventType type, String json) {
        public static Written of(String key, Object payload) {
            return new Written(key, EventType.ofPayload(payload), EventJson.write(payload));
        }
    }
}
