package dev.paperstream.notes.store;

import dev.paperstream.events.Priority;
import dev.paperstream.notes.queue.DuePolicy;
import dev.paperstream.notes.queue.QueueItem;
import dev.paperstream.notes.queue.ReadingStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading-queue items per (paper, team). Every scored (paper, team) is in the team's queue, not started, from
 * the time its first score arrived; a {@code reading_item} row is written only once a person claims it or
 * changes its status. Writing one per score cost two rows a paper on the triage path
 * (docs/benchmarks/triage-throughput.md), and most items are never touched.
 */
@ApplicationScoped
public class QueueRepository implements PanacheRepositoryBase<ReadingItemEntity, ReadingItemEntity.Key> {
    private static final String SELECT = """
            SELECT s.paper_id, s.team, s.priority, COALESCE(r.status, 'NOT_STARTED') AS status, r.claimed_by,
                   r.claimed_at, COALESCE(r.queued_at, s.received_at) AS queued_at, r.status_changed_by,
                   r.status_changed_at
            FROM paper_score s LEFT JOIN reading_item r ON r.paper_id = s.paper_id AND r.team = s.team
            """;
    // The item's row, made from its score's arrival the first time a person acts on it; kept as SQL since the
    // row is made from the score's own columns in the database, and skipped when another request made it first.
    private static final String TOUCH = """
            INSERT INTO reading_item (paper_id, team, queued_at)
            SELECT paper_id, team, received_at FROM paper_score WHERE paper_id = ?1 AND team = ?2
            ON CONFLICT (paper_id, team) DO NOTHING
            """;

    private final AgroalDataSource dataSource;

    public QueueRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public boolean claim(String paperId, String team, String who) {
        return touchThenUpdate(paperId, team, item -> {
            item.claimedBy = who;
            item.claimedAt = Instant.now();
        });
    }

    @Transactional
    public boolean unclaim(String paperId, String team) {
        return touchThenUpdate(paperId, team, item -> {
            item.claimedBy = null;
            item.claimedAt = null;
        });
    }

    @Transactional
    public boolean setStatus(String paperId, String team, ReadingStatus status, String who) {
        return touchThenUpdate(paperId, team, item -> {
            item.status = status.name();
            item.statusChangedBy = who;
            item.statusChangedAt = Instant.now();
        });
    }

    public Optional<QueueItem> find(String paperId, String team) {
        return query(SELECT + " WHERE s.paper_id = ? AND s.team = ?", paperId, team).stream().findFirst();
    }

    public List<QueueItem> forPaper(String paperId) {
        return query(SELECT + " WHERE s.paper_id = ? ORDER BY s.priority_rank, s.team", paperId);
    }

    /** Applies {@code change} to the item's row, made first if the item has none; false when not queued. */
    private boolean touchThenUpdate(String paperId, String team, Consumer<ReadingItemEntity> change) {
        getEntityManager().createNativeQuery(TOUCH).setParameter(1, paperId).setParameter(2, team).executeUpdate();
        ReadingItemEntity item = findById(new ReadingItemEntity.Key(paperId, team), LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            return false;
        }
        change.accept(item);
        // the queue is read back by plain SQL (find, the listing) in the caller's transaction
        flush();
        return true;
    }

    private List<QueueItem> query(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<QueueItem> out = new ArrayList<>();
            Instant now = Instant.now();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Priority priority = Priority.valueOf(rs.getString("priority"));
                    ReadingStatus status = ReadingStatus.valueOf(rs.getString("status"));
                    Instant queuedAt = Sql.instant(rs, "queued_at");
                    out.add(new QueueItem(rs.getString("paper_id"), rs.getString("team"), priority, status,
                            rs.getString("claimed_by"), Sql.instant(rs, "claimed_at"), queuedAt,
                            DuePolicy.dueAt(priority, queuedAt), DuePolicy.isOverdue(priority, status, queuedAt, now),
                            rs.getString("status_changed_by"), Sql.instant(rs, "status_changed_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read the reading queue", e);
        }
    }
}
