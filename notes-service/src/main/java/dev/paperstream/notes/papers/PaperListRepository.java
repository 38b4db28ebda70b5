package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.db.Sql;
import dev.paperstream.notes.queue.DuePolicy;
import dev.paperstream.notes.queue.ReadingStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The triage list: one row per (paper, team score), highest priority and score first, then newest. */
@ApplicationScoped
public class PaperListRepository {
    private final AgroalDataSource dataSource;

    public PaperListRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public PaperPage list(PaperFilter f) {
        List<Object> params = new ArrayList<>();
        String from = fromAndWhere(f, params);
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) " + from)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            String select = "SELECT p.id, p.version, p.title, p.authors, p.published, p.primary_category, s.team,"
                    + " s.priority, s.score, s.paper_type, r.status, r.claimed_by, r.queued_at " + from
                    + " ORDER BY s.priority_rank NULLS LAST, s.score DESC NULLS LAST, p.published DESC, p.id, s.team"
                    + " LIMIT ? OFFSET ?";
            List<PaperSummary> items = new ArrayList<>();
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                List<Object> all = new ArrayList<>(params);
                all.add(f.limit());
                all.add(f.offset());
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs, now));
                    }
                }
            }
            return new PaperPage(items, total);
        } catch (SQLException e) {
            throw Sql.failure("cannot list papers", e);
        }
    }

    private static String fromAndWhere(PaperFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" FROM paper p ")
                .append(f.needsScore() ? "JOIN" : "LEFT JOIN")
                .append(" paper_score s ON s.paper_id = p.id")
                .append(" LEFT JOIN reading_item r ON r.paper_id = s.paper_id AND r.team = s.team WHERE true");
        if (f.team() != null) {
            sql.append(" AND s.team = ?");
            params.add(f.team());
        }
        if (f.priority() != null) {
            sql.append(" AND s.priority = ?");
            params.add(f.priority().name());
        }
        if (f.type() != null) {
            sql.append(" AND s.paper_type = ?");
            params.add(f.type().name());
        }
        if (f.status() != null) {
            sql.append(" AND r.status = ?");
            params.add(f.status().name());
        }
        if (f.query() != null) {
            sql.append(" AND (p.search @@ websearch_to_tsquery('english', ?) OR EXISTS (SELECT 1 FROM note_field n")
                    .append(" WHERE n.paper_id = p.id AND n.search @@ websearch_to_tsquery('english', ?)))");
            params.add(f.query());
            params.add(f.query());
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static PaperSummary read(ResultSet rs, Instant now) throws SQLException {
        String p = rs.getString("priority");
        String type = rs.getString("paper_type");
        String s = rs.getString("status");
        Priority priority = p == null ? null : Priority.valueOf(p);
        ReadingStatus status = s == null ? null : ReadingStatus.valueOf(s);
        Instant queuedAt = Sql.instant(rs, "queued_at");
        return new PaperSummary(rs.getString("id"), rs.getInt("version"), rs.getString("title"),
                Sql.textList(rs, "authors"), Sql.instant(rs, "published"), rs.getString("primary_category"),
                rs.getString("team"), priority, Sql.nullableInt(rs, "score"),
                type == null ? null : PaperType.valueOf(type), status, rs.getString("claimed_by"),
                DuePolicy.dueAt(priority, queuedAt),
                status != null && DuePolicy.isOverdue(priority, status, queuedAt, now));
    }
}
