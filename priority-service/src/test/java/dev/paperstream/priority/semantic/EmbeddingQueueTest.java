package dev.paperstream.priority.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The queue of papers to embed lives in the database: what a stopped or crashed worker left is embedded later. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EmbeddingQueueTest {
    @Inject
    AgroalDataSource db;

    @Inject
    SemanticIndex index;

    @Inject
    EmbeddingWorker worker;

    private final String prefix = "2612." + (10 + ThreadLocalRandom.current().nextInt(80));

    @Test
    void papersLeftQueuedOrLeasedByAWorkerThatDiedAreEmbeddedOnceTheLeaseEnds() throws SQLException {
        String queued = prefix + "001";
        String leased = prefix + "002";
        Instant leaseEnds = Instant.now().plusSeconds(4);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            insertPaper(c, queued, "Sparse mixture of experts layers for efficient inference");
            insertPaper(c, leased, "Quantized attention kernels on tensor cores");
            // what a worker that leased the paper and then died leaves behind
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE embedding_queue SET leased_until = ?, attempts = 1 WHERE paper_id = ?")) {
                ps.setTimestamp(1, Timestamp.from(leaseEnds));
                ps.setString(2, leased);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
        // a worker starting now (as after a restart) embeds what is queued, but not what is still leased
        worker.drain();
        assertThat(embeddedAt(queued)).isNotNull();
        assertThat(embeddedAt(leased)).isNull();
        assertThat(queuedCount(leased)).isOne();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            worker.drain();
            return embeddedAt(leased) != null;
        });
        assertThat(embeddedAt(leased)).isAfterOrEqualTo(leaseEnds.minusMillis(500)); // db and JVM clocks: same host
        assertThat(queuedCount(queued) + queuedCount(leased)).isZero();
        assertThat(index.papers().vector(leased)).hasSize(PaperEmbedder.DIMENSIONS);
    }

    @Test
    void aChangedAbstractIsEmbeddedAgainAndAnUnchangedUpdateIsNot() throws SQLException {
        String id = prefix + "003";
        try (Connection c = db.getConnection()) {
            insertPaper(c, id, "Speculative decoding with a small draft model");
        }
        worker.drain();
        float[] before = index.papers().vector(id);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // the worker sees nothing before the commit, so the counts below are exact
            update(c, "UPDATE paper SET comment = 'accepted' WHERE id = ?", id);
            assertThat(queuedCount(c, id)).isZero();
            update(c, "UPDATE paper SET abstract = 'Grazing cows on alpine pastures eat more herbage.' WHERE id = ?", id);
            assertThat(queuedCount(c, id)).isEqualTo(1);
            c.commit();
        }
        worker.drain();
        assertThat(queuedCount(id)).isZero();
        assertThat(PaperEmbedder.cosine(before, index.papers().vector(id))).isLessThan(0.9);
    }

    private static void insertPaper(Connection c, String id, String title) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO paper (id, version, title, abstract, categories, published, code_links)
                VALUES (?, 1, ?, ?, '{cs.LG}', now(), '{}')""")) {
            ps.setString(1, id);
            ps.setString(2, title);
            ps.setString(3, title + ": we study it on GPUs.");
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private Instant embeddedAt(String id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT embedded_at FROM paper_embedding WHERE paper_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private long queuedCount(String id) throws SQLException {
        try (Connection c = db.getConnection()) {
            return queuedCount(c, id);
        }
    }

    private static long queuedCount(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM embedding_queue WHERE paper_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
