package dev.paperstream.support.outbox;

import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.support.kafka.KafkaConnection;
import dev.paperstream.support.work.WakeableLoop;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in insertion order, with CloudEvents headers, and deletes
 * them once the broker has acknowledged them. Rows are locked with SKIP LOCKED so that several
 * instances of a service can relay side by side. Delivery is at least once: consumers are idempotent.
 * In one process, batches are relayed by one thread, one after the other, so that a later batch can
 * never overtake an earlier one; the thread is woken when an outbox transaction commits and polls every
 * {@code paperstream.outbox.poll-interval} for rows written by other instances.
 *
 * <p>An event the broker refuses for good ({@link BrokerRefusals}: over the producer's
 * {@code max.request.size} or the topic's {@code max.message.bytes}, an invalid topic) is moved to
 * {@link ParkedEvents} with the reason in the same transaction that deletes its row, and the rest of the
 * batch is published: retried, it would hold up everything behind it for good. Any
 * other failure (the broker unavailable, a timeout) rolls the whole batch back to be sent again.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // a row may be a bundle of thousands of events, and a paper.parsed event a whole full text: a batch
    // ends after the row that passes this many characters, whatever its row count
    private static final long MAX_BATCH_CHARS = 16L << 20;

    private final AgroalDataSource dataSource;
    private final KafkaConnection kafka;
    private final ParkedEvents parked;
    private final String source;
    private final int batchSize;
    private final Properties producerTuning;
    private final AtomicReference<KafkaProducer<String, String>> producer = new AtomicReference<>();
    private final WakeableLoop loop;
    private volatile Instant lastSuccess = Instant.now();
    private volatile String lastError;

    public OutboxRelay(AgroalDataSource dataSource,
            KafkaConnection kafka,
            ParkedEvents parked,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "paperstream.outbox.batch-size", defaultValue = "5000") int batchSize,
            @ConfigProperty(name = "paperstream.outbox.producer.batch-size", defaultValue = "262144") int producerBatch,
            @ConfigProperty(name = "paperstream.outbox.producer.linger", defaultValue = "5") int lingerMs,
            @ConfigProperty(name = "paperstream.outbox.producer.compression", defaultValue = "lz4") String compression,
            @ConfigProperty(name = "paperstream.outbox.poll-interval", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "paperstream.outbox.producer.max-request-size", defaultValue = "1048576")
            int maxRequestSize,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.parked = parked;
        this.source = "paperstream/" + applicationName;
        this.batchSize = batchSize;
        this.producerTuning = new Properties();
        producerTuning.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(producerBatch));
        producerTuning.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        producerTuning.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        producerTuning.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRequestSize));
        registry.gauge("paperstream.outbox.backlog", this, OutboxRelay::backlogOrMinusOne);
        registry.gauge("paperstream.outbox.parked.events", this, OutboxRelay::parkedOrMinusOne);
        this.loop = new WakeableLoop("outbox-relay", pollInterval, this::relayRound);
    }

    void start(@Observes StartupEvent event) {
        loop.start();
    }

    /** Relays everything committed so far, soon, on the relay thread; wake-ups while it runs give one more run. */
    public void wake() {
        loop.wake();
    }

    private boolean relayRound() {
        try {
            boolean full = relayBatch();
            lastSuccess = Instant.now();
            lastError = null;
            return full;
        } catch (Exception e) {
            lastError = e.getMessage();
            LOG.warnf("outbox relay failed, will retry: %s", e.getMessage());
            return false;
        }
    }

    /** Publishes one batch in one transaction; true when it was full, so that more may be waiting. */
    boolean relayBatch() throws SQLException, Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Long> sent = new ArrayList<>();
                List<Sending> sending = new ArrayList<>();
                long chars = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT seq, event_id, topic, event_key, ce_type, payload, bundle, created_at FROM outbox"
                                + " ORDER BY seq LIMIT " + batchSize + " FOR UPDATE SKIP LOCKED");
                        ResultSet rs = fetchInSteps(ps).executeQuery()) {
                    while (chars < MAX_BATCH_CHARS && rs.next()) {
                        Instant created = rs.getTimestamp("created_at").toInstant();
                        byte[] bundle = rs.getBytes("bundle");
                        List<OutboxBundle.Event> events = bundle != null ? OutboxBundle.unpack(bundle)
                                : List.of(new OutboxBundle.Event(rs.getString("event_id"), rs.getString("topic"),
                                        rs.getString("event_key"), rs.getString("ce_type"), rs.getString("payload")));
                        for (OutboxBundle.Event event : events) {
                            sending.add(new Sending(event, created, send(record(event, created.toString()))));
                            chars += event.payload().length();
                        }
                        sent.add(rs.getLong("seq"));
                    }
                }
                if (sent.isEmpty()) {
                    c.commit();
                    return false;
                }
                producer().flush();
                List<ParkedEvents.Refused> refused = new ArrayList<>();
                for (Sending s : sending) {
                    String refusal = refusal(s.ack());
                    if (refusal != null) {
                        refused.add(new ParkedEvents.Refused(s.event(), s.created(), refusal));
                    }
                }
                if (!refused.isEmpty()) {
                    parked.park(c, refused);
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM outbox WHERE seq = ANY (?)")) {
                    del.setArray(1, c.createArrayOf("bigint", sent.toArray()));
                    del.executeUpdate();
                }
                c.commit();
                for (ParkedEvents.Refused r : refused) {
                    LOG.errorf("outbox event %s (%s, key %s) parked, the broker refuses it: %s; the events after it"
                            + " are published. See GET /api/admin/outbox/parked", r.event().id(), r.event().topic(),
                            r.event().key(), r.reason());
                }
                return sent.size() == batchSize || chars >= MAX_BATCH_CHARS;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    // a cursor: rows are fetched, and locked, only as far as the batch goes, and never all in memory at
    // once; a few at a time, as a bundle row can hold megabytes
    private static PreparedStatement fetchInSteps(PreparedStatement ps) throws SQLException {
        ps.setFetchSize(32);
        return ps;
    }

    /** The send's acknowledgement; an error that refuses the event arrives as a failed one, as the broker's do. */
    private Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        try {
            return producer().send(record);
        } catch (KafkaException e) {
            if (BrokerRefusals.refusesTheEvent(e)) {
                return CompletableFuture.failedFuture(e);
            }
            throw e;
        }
    }

    /**
     * Null once the broker acknowledged the event, the reason when it refuses the event for good; throws for
     * anything else, so that the batch is rolled back and sent again.
     */
    private static String refusal(Future<RecordMetadata> ack) throws Exception {
        try {
            ack.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            if (BrokerRefusals.refusesTheEvent(e.getCause())) {
                return BrokerRefusals.reason(e.getCause());
            }
            throw e;
        }
    }

    private ProducerRecord<String, String> record(OutboxBundle.Event event, String time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        header(record, CloudEventHeaders.ID, event.id());
        header(record, CloudEventHeaders.TYPE, event.ceType());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, time);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.key() != null) {
            header(record, CloudEventHeaders.SUBJECT, event.key());
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer.get();
        if (p == null) {
            Properties props = new Properties();
            props.putAll(kafka.clientSettings());
            props.putAll(producerTuning);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, source.replace('/', '-') + "-outbox");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            p = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            if (!producer.compareAndSet(null, p)) {
                p.close();
                p = producer.get();
            }
        }
        return p;
    }

    /** Events not yet published, and the age of the oldest, for readiness and metrics. */
    public Backlog backlog() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT coalesce(sum(events), 0), min(created_at) FROM outbox")) {
            rs.next();
            var oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1),
                    oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
        }
    }

    private double parkedOrMinusOne() {
        try {
            return parked.summary().count();
        } catch (SQLException e) {
            return -1;
        }
    }

    private double backlogOrMinusOne() {
        try {
            return backlog().events();
        } catch (SQLException e) {
            return -1;
        }
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public String lastError() {
        return lastError;
    }

    void close(@Observes ShutdownEvent event) throws InterruptedException {
        if (!loop.stop(Duration.ofSeconds(10))) {
            LOG.warn("outbox relay still busy at shutdown; its batch is relayed again after the restart");
        }
        KafkaProducer<String, String> p = producer.getAndSet(null);
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    public record Backlog(long events, Duration oldestAge) {
    }

    private record Sending(OutboxBundle.Event event, Instant created, Future<RecordMetadata> ack) {
    }
}
