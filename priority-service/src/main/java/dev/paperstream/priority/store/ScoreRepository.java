package dev.paperstream.priority.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.priority.scoring.Scoring;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Current scores per paper and team, and the history of every score that changed. */
@ApplicationScoped
public class ScoreRepository {
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ScoreRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Stores the score when it is new: a first score, a new version, or a different score or
     * priority. Returns false when the same version already has the same score and priority, so that
     * the caller publishes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String paperId, int version, String team, Scoring s, Instant scoredAt) {
        String upsert = """
                INSERT INTO score (paper_id, team, version, score, priority, paper_type, relevance, has_code,
                    citations, months_since_publication, factors, scored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (paper_id, team) DO UPDATE SET version = EXCLUDED.version, score = EXCLUDED.score,
                    priority = EXCLUDED.priority, paper_type = EXCLUDED.paper_type, relevance = EXCLUDED.relevance,
                    has_code = EXCLUDED.has_code, citations = EXCLUDED.citations,
                    months_since_publication = EXCLUDED.months_since_publication, factors = EXCLUDED.factors,
                    scored_at = EXCLUDED.scored_at
                WHERE (score.version, score.score, score.priority)
                    IS DISTINCT FROM (EXCLUDED.version, EXCLUDED.score, EXCLUDED.priority)
                  AND score.version <= EXCLUDED.version
                RETURNING paper_id
                """;
        String factors = factorsJson(s);
        try (Connection c = dataSource.getConnection()) {
            boolean changed;
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, paperId);
                ps.setString(2, team);
                ps.setInt(3, version);
                ps.setInt(4, s.score());
                ps.setString(5, s.priority().name());
                ps.setString(6, s.paperType().name());
                ps.setInt(7, s.relevance());
                ps.setBoolean(8, s.hasCode());
                if (s.citations() == null) {
                    ps.setNull(9, Types.INTEGER);
                } else {
                    ps.setInt(9, s.citations());
                }
                ps.setDouble(10, s.monthsSincePublication());
                ps.setString(11, factors);
                ps.setTimestamp(12, Timestamp.from(scoredAt));
                try (ResultSet rs = ps.executeQuery()) {
                    changed = rs.next();
                }
            }
            if (changed) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO score_history (paper_id, team, version, score, priority, factors, scored_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")) {
                    ps.setString(1, paperId);
                    ps.setString(2, team);
                    ps.setInt(3, version);
                    ps.setInt(4, s.score());
                    ps.setString(5, s.priority().name());
                    ps.setString(6, factors);
                    ps.setTimestamp(7, Timestamp.from(scoredAt));
                    ps.executeUpdate();
                }
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store score of " + paperId + " for " + team + ": "
                    + e.getMessage(), e);
        }
    }

    /** One published score of a paper for a team. */
    public record HistoryEntry(String team, int version, int score, String priority, Instant scoredAt) {
    }

    /** Every score published for the paper, oldest first. */
    public List<HistoryEntry> history(String paperId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT team, version, score, priority, scored_at "
                        + "FROM score_history WHERE paper_id = ? ORDER BY seq")) {
            ps.setString(1, paperId);
            try (ResultSet rs = ps.executeQuery()) {
                List<HistoryEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read score history of " + paperId + ": " + e.getMessage(), e);
        }
    }

    private String factorsJson(Scoring s) {
        try {
            return json.writeValueAsString(s.factors());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write factors as JSON", e);
        }
    }
}
