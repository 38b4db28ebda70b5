package dev.paperstream.notes.queue;

import dev.paperstream.events.Priority;
import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading-queue items per (paper, team), created when the team's first score of the paper arrives. */
@ApplicationScoped
public class QueueRepository {
    private static final String SELECT = """
            SELECT r.*, s.priority FROM reading_item r
            JOIN paper_score s ON s.paper_id = r.paper_id AND s.team = r.team
            """;

    private final AgroalDataSource dataSource;

    public QueueRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues each (paper, team), {@code paperIds[i]} with {@code teams[i]}, unless queued already; one statement. */
    public void enqueueAll(List<String> paperIds, List<String> teams) {
        if (paperIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO reading_item (paper_id, team) SELECT * FROM unnest(?::text[], ?::text[])"
                        + " ON CONFLICT DO NOTHING")) {
            ps.setArray(1, Sql.textArray(c, paperIds));
            ps.setArray(2, Sql.textArray(c, teams));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot update the reading queue", e);
        }
    }

    public boolean claim(String paperId, String team, String who) {
        return update("UPDATE reading_item SET claimed_by = ?, claimed_at = now() WHERE paper_id = ? AND team = ?",
                who, paperId, team) == 1;
    }

    public boolean unclaim(String paperId, String team) {
        return update("UPDATE reading_item SET claimed_by = NULL, claimed_at = NULL WHERE paper_id = ? AND team = ?",
                paperId, team) == 1;
    }

    public boolean setStatus(String paperId, String team, ReadingStatus status, String who) {
        return update("UPDATE reading_item SET status = ?, status_changed_by = ?, status_changed_at = now()"
                + " WHERE paper_id = ? AND team = ?", status.name(), who, paperId, team) == 1;
    }

    public Optional<QueueItem> find(String paperId, String team) {
        return query(SELECT + " WHERE r.paper_id = ? AND r.team = ?", paperId, team).stream().findFirst();
    }

    public List<QueueItem> forPaper(String paperId) {
        return query(SELECT + " WHERE r.paper_id = ? ORDER BY s.priority_rank, r.team", paperId);
    }

    private int update(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("cannot update the reading queue", e);
        }
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
