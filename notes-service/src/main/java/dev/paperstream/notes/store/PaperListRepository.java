package dev.paperstream.notes.store;

import dev.paperstream.events.DuplicateReason;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.papers.PaperFilter;
import dev.paperstream.notes.papers.PaperPage;
import dev.paperstream.notes.papers.PaperSummary;
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

/**
 * The triage list: one row per (paper, team score), highest priority and score first, then newest; papers
 * without any score follow, newest first (only when no score filter is given). Both parts are read along
 * indexes (V4) so that a page costs the same with 100 or 100,000 papers.
 */
@ApplicationScoped
public class PaperListRepository {
    private static final String SEARCH = "websearch_to_tsquery('english', ?)";
    static final int COUNT_CAP = 1000;

    private final AgroalDataSource dataSource;

    public PaperListRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public PaperPage list(PaperFilter f) {
        // Counting stops a little past the page: "more than 1,000" is all a reader needs, and an exact count
        // over 200k score rows would cost more than the page itself.
        long countUpTo = Math.max(COUNT_CAP, (long) f.offset() + f.limit()) + 1;
        try (Connection c = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            String scoredWhere = scoredWhere(f, params);
            long scoredTotal = countUpTo(c, "SELECT 1 FROM paper_score s"
                    + (f.status() == null ? "" : " LEFT JOIN reading_item r ON r.paper_id = s.paper_id AND r.team = s.team")
                    + (f.query() == null ? "" : " JOIN paper p ON p.id = s.paper_id") + scoredWhere, params, countUpTo);
            List<PaperSummary> items = new ArrayList<>();
            Instant now = Instant.now();
            if (f.offset() < scoredTotal) {
                List<Object> page = new ArrayList<>(params);
                page.add(f.limit());
                page.add(f.offset());
                query(c, """
                        SELECT p.id, p.version, p.title, p.authors, p.published, p.primary_category, s.team, s.priority,
                               s.score, s.paper_type, COALESCE(r.status, 'NOT_STARTED') AS status, r.claimed_by,
                               COALESCE(r.queued_at, s.received_at) AS queued_at,
                               (SELECT reason FROM unnest(s.reasons) AS reason
                                WHERE reason LIKE 'duplicate: %' LIMIT 1) AS duplicate_reason
                        FROM paper_score s JOIN paper p ON p.id = s.paper_id
                        LEFT JOIN reading_item r ON r.paper_id = s.paper_id AND r.team = s.team""" + scoredWhere
                        + " ORDER BY s.priority_rank, s.score DESC, s.published DESC, s.paper_id, s.team LIMIT ? OFFSET ?",
                        page, items, now);
            }
            if (scoredTotal == countUpTo) {
                // the page lies wholly among the scored rows, and there are more than we counted
                return new PaperPage(items, countUpTo - 1, false);
            }
            if (f.needsScore()) {
                return new PaperPage(items, scoredTotal, true);
            }
            List<Object> unscored = new ArrayList<>();
            String unscoredFrom = " FROM paper_unscored u JOIN paper p ON p.id = u.paper_id";
            if (f.query() != null) {
                unscoredFrom += " WHERE " + matches(unscored, f.query());
            }
            long unscoredTotal = countUpTo(c, "SELECT 1" + unscoredFrom, unscored,
                    countUpTo - scoredTotal);
            int room = f.limit() - items.size();
            if (room > 0 && unscoredTotal > 0) {
                unscored.add(room);
                unscored.add(Math.max(0L, f.offset() - scoredTotal));
                query(c, "SELECT p.id, p.version, p.title, p.authors, p.published, p.primary_category, NULL AS team,"
                        + " NULL AS priority, NULL::int AS score, NULL AS paper_type, NULL AS status, NULL AS claimed_by,"
                        + " NULL::timestamptz AS queued_at, NULL AS duplicate_reason" + unscoredFrom
                        + " ORDER BY u.published DESC, u.paper_id LIMIT ? OFFSET ?", unscored, items, now);
            }
            long total = scoredTotal + unscoredTotal;
            return total == countUpTo ? new PaperPage(items, countUpTo - 1, false) : new PaperPage(items, total, true);
        } catch (SQLException e) {
            throw Sql.failure("cannot list papers", e);
        }
    }

    private static String scoredWhere(PaperFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE s.published IS NOT NULL");
        if (f.team() != null) {
            sql.append(" AND s.team = ?");
            params.add(f.team());
        }
        if (f.visibleTeams() != null) {
            sql.append(" AND s.team = ANY(?)");
            params.add(f.visibleTeams().toArray(String[]::new));
        }
        if (f.priority() != null) {
            sql.append(" AND s.priority_rank = ?");
            params.add(f.priority().ordinal());
        }
        if (f.type() != null) {
            sql.append(" AND s.paper_type = ?");
            params.add(f.type().name());
        }
        if (f.status() != null) {
            sql.append(" AND COALESCE(r.status, 'NOT_STARTED') = ?");
            params.add(f.status().name());
        }
        if (f.query() != null) {
            sql.append(" AND ").append(matches(params, f.query()));
        }
        return sql.toString();
    }

    /** Titles and abstracts, or any note field of the paper. */
    private static String matches(List<Object> params, String query) {
        params.add(query);
        params.add(query);
        return "(p.search @@ " + SEARCH + " OR EXISTS (SELECT 1 FROM note_field n WHERE n.paper_id = p.id AND n.search @@ "
                + SEARCH + "))";
    }

    /** How many rows {@code rows} selects, counting no further than {@code upTo}. */
    private static long countUpTo(Connection c, String rows, List<Object> params, long upTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (" + rows + " LIMIT ?) AS counted")) {
            bind(ps, params);
            ps.setLong(params.size() + 1, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void query(Connection c, String sql, List<Object> params, List<PaperSummary> into, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(read(rs, now));
                }
            }
        }
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
                status != null && DuePolicy.isOverdue(priority, status, queuedAt, now),
                DuplicateReason.sameWorkAs(rs.getString("duplicate_reason")));
    }
}
