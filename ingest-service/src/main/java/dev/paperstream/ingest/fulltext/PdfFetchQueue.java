package dev.paperstream.ingest.fulltext;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.Priority;
import dev.paperstream.ingest.store.ParsedPaperRepository;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Table {@code pdf_fetch}: PDF downloads waiting for arXiv, one row per paper version at the highest
 * priority any team gave it, taken highest priority first, then oldest. Bounded by
 * {@code paperstream.fulltext.parked-max}: a paper that finds the table full displaces the oldest one
 * of lower priority, or is refused when none is lower, so that a HIGH paper is only ever refused by a
 * table full of HIGH papers; both go to the dead-letter topic with the reason, never silently away.
 */
@ApplicationScoped
public class PdfFetchQueue {
    /** Serialises parking across instances so that the cap holds: "pdf_fetch" as a number. */
    private static final long PARK_LOCK = 0x7064665f6665L;

    private final AgroalDataSource dataSource;
    private final FullTextConfig config;
    private final ParsedPaperRepository parsed;
    private final FullTextService fullText;
    private final MeterRegistry registry;

    public PdfFetchQueue(AgroalDataSource dataSource, FullTextConfig config, ParsedPaperRepository parsed,
            FullTextService fullText, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.parsed = parsed;
        this.fullText = fullText;
        this.registry = registry;
        registry.gauge("paperstream.fulltext.parked", this, PdfFetchQueue::sizeOrMinusOne);
    }

    /** A waiting download, with the paper.scored record that asked for it (its body and ce_id). */
    public record Parked(String id, int version, Priority priority, String ceId, String payload, int attempts) {
        public String versioned() {
            return id + "v" + version;
        }
    }

    /** The table is full of papers of this priority or higher: the new one is refused. */
    public static class FullException extends RuntimeException {
        public FullException(String message) {
            super(message);
        }
    }

    /**
     * Parks the download in the caller's transaction; a version already waiting keeps one row at the
     * higher priority. Answers the paper it displaced, if the table was full; throws {@link FullException}
     * when nothing of lower priority can make room.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Parked> park(String id, int version, Priority priority, String ceId, String payload) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PARK_LOCK);
                lock.execute();
            }
            try (PreparedStatement raise = c.prepareStatement("""
                    UPDATE pdf_fetch SET priority = GREATEST(priority, ?) WHERE arxiv_id = ? AND version = ?""")) {
                raise.setInt(1, rank(priority));
                raise.setString(2, id);
                raise.setInt(3, version);
                if (raise.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            Optional<Parked> displaced = Optional.empty();
            if (size(c) >= config.parkedMax()) {
                displaced = lowestBelow(c, priority);
                if (displaced.isEmpty()) {
                    registry.counter("paperstream.fulltext.parked.overflow", "priority", priority.name()).increment();
                    throw new FullException("the PDF download queue is full (paperstream.fulltext.parked-max="
                            + config.parkedMax() + ") with papers of priority " + priority
                            + " or higher waiting for arXiv; replay this record once arXiv allows again");
                }
                delete(c, displaced.get());
                registry.counter("paperstream.fulltext.parked.overflow", "priority", displaced.get().priority().name())
                        .increment();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pdf_fetch (arxiv_id, version, priority, ce_id, payload) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setInt(2, version);
                ps.setInt(3, rank(priority));
                ps.setString(4, ceId);
                ps.setString(5, payload);
                ps.executeUpdate();
            }
            return displaced;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot park the PDF download: " + e.getMessage(), e);
        }
    }

    private static Optional<Parked> lowestBelow(Connection c, Priority priority) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT arxiv_id, version, priority, ce_id, payload, attempts FROM pdf_fetch
                WHERE priority < ? AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY priority, parked_at LIMIT 1""")) {
            ps.setInt(1, rank(priority));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parked(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Takes the next due download for {@code lease} (after which another instance may take it, should this
     * one have died): highest priority first, then the one parked longest.
     */
    public Optional<Parked> claimNext(Duration lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE pdf_fetch SET claimed_until = now() + make_interval(secs => ?)
                WHERE (arxiv_id, version) = (
                    SELECT arxiv_id, version FROM pdf_fetch
                    WHERE next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY priority DESC, parked_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING arxiv_id, version, priority, ce_id, payload, attempts""")) {
            ps.setDouble(1, lease.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parked(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a PDF download: " + e.getMessage(), e);
        }
    }

    /** Stores the parsed paper and its paper.parsed event, and ends the download, in one transaction. */
    @Transactional
    public void complete(Parked p, PaperParsed event) {
        fullText.publish(event);
        remove(p);
    }

    public void remove(Parked p) {
        try (Connection c = dataSource.getConnection()) {
            delete(c, p);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the PDF download: " + e.getMessage(), e);
        }
    }

    /** Puts the download back, due at {@code due}; {@code failedAttempt} counts it towards the back-off. */
    public void retryLater(Parked p, Instant due, String error, boolean failedAttempt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE pdf_fetch SET claimed_until = NULL, next_attempt_at = ?, last_error = ?,
                                     attempts = attempts + ?
                WHERE arxiv_id = ? AND version = ?""")) {
            ps.setTimestamp(1, Timestamp.from(due));
            ps.setString(2, error);
            ps.setInt(3, failedAttempt ? 1 : 0);
            ps.setString(4, p.id());
            ps.setInt(5, p.version());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot put the PDF download back: " + e.getMessage(), e);
        }
    }

    public boolean alreadyParsed(Parked p) {
        return parsed.parsed(p.id(), p.version()).isPresent();
    }

    public long size() {
        try (Connection c = dataSource.getConnection()) {
            return size(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the PDF downloads: " + e.getMessage(), e);
        }
    }

    private double sizeOrMinusOne() {
        try {
            return size();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static long size(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pdf_fetch")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void delete(Connection c, Parked p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pdf_fetch WHERE arxiv_id = ? AND version = ?")) {
            ps.setString(1, p.id());
            ps.setInt(2, p.version());
            ps.executeUpdate();
        }
    }

    private static Parked parked(ResultSet rs) throws SQLException {
        return new Parked(rs.getString(1), rs.getInt(2), Priority.values()[2 - rs.getInt(3)], rs.getString(4),
                rs.getString(5), rs.getInt(6));
    }

    /** HIGH 2, MEDIUM 1, LOW 0: higher is more urgent. */
    private static int rank(Priority p) {
        return 2 - p.ordinal();
    }
}
