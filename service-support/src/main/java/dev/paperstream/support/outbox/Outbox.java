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
import java.util.ArrayList;
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
    // unnest yields the elements in array order, so seq (the relay's order) follows the list's order
    private static final String INSERT_ALL = """
            INSERT INTO outbox (event_id, topic, event_key, ce_type, payload)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""";
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
        Written event = Written.of(key, payload);
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

    /** Adds many events, in this order, with one statement: bulk imports would otherwise spend their time on round trips. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<Keyed> events) {
        List<Written> written = new ArrayList<>(events.size());
        for (Keyed event : events) {
            written.add(Written.of(event.key(), event.payload()));
        }
        addAllWritten(written);
    }

    /**
     * As {@link #addAll}, for callers that already hold each payload's JSON (from {@link EventJson#write}),
     * typically because they store it too: serialising it a second time is a good part of a bulk import.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAllWritten(List<Written> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Written event = events.get(i);
            ids[i] = UUID.randomUUID().toString();
            topics[i] = event.type().topic();
            keys[i] = event.key();
            types[i] = event.type().ceType();
            payloads[i] = event.json();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_ALL)) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", topics));
            ps.setArray(3, c.createArrayOf("text", keys));
            ps.setArray(4, c.createArrayOf("text", types));
            ps.setArray(5, c.createArrayOf("text", payloads));
            ps.executeUpdate();
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

    /** An event and its Kafka record key. */
    public record Keyed(String key, Object payload) {
    }

    /** An event already serialised: its Kafka record key, type and JSON. */
    public record Written(String key, EventType type, String json) {
        public static Written of(String key, Object payload) {
            return new Written(key, EventType.ofPayload(payload), EventJson.write(payload));
        }
    }
}
