package dev.paperstream.notes.papers;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
import dev.paperstream.notes.db.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code paper_score} table: one score per (paper, team), the newest version's. */
@ApplicationScoped
public class ScoreRepository {
    // A re-score of the same version (fresh citations) replaces the old one; an older version never does.
    private static final String UPSERT = """
            INSERT INTO paper_score (paper_id, team, version, score, priority, priority_rank, paper_type, relevance,
                                     has_code, citations, months_since, reasons, scored_at, published)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT published FROM paper WHERE id = ?))
            ON CONFLICT (paper_id, team) DO UPDATE SET
                version = EXCLUDED.version, score = EXCLUDED.score, priority = EXCLUDED.priority,
                priority_rank = EXCLUDED.priority_rank, paper_type = EXCLUDED.paper_type,
                relevance = EXCLUDED.relevance, has_code = EXCLUDED.has_code, citations = EXCLUDED.citations,
                months_since = EXCLUDED.months_since, reasons = EXCLUDED.reasons, scored_at = EXCLUDED.scored_at,
                published = EXCLUDED.published
            WHERE paper_score.version < EXCLUDED.version
               OR (paper_score.version = EXCLUDED.version AND paper_score.scored_at <= EXCLUDED.scored_at)
            """;

    private final AgroalDataSource dataSource;

    public ScoreRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this score is now the stored one for its paper and team. */
    public boolean upsert(PaperScored s) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Sql.lockPaper(c, s.id());
            ps.setString(1, s.id());
            ps.setString(2, s.team());
            ps.setInt(3, s.version());
            ps.setInt(4, s.score());
            ps.setString(5, s.priority().name());
            ps.setInt(6, s.priority().ordinal());
            ps.setString(7, s.paperType().name());
            ps.setInt(8, s.relevance());
            ps.setBoolean(9, s.hasCode());
            if (s.citations() == null) {
                ps.setNull(10, java.sql.Types.INTEGER);
            } else {
                ps.setInt(10, s.citations());
            }
            ps.setDouble(11, s.monthsSincePublication());
            ps.setArray(12, Sql.textArray(c, s.reasons()));
            Sql.setInstant(ps, 13, s.scoredAt());
            ps.setString(14, s.id());
            if (ps.executeUpdate() == 0) {
                return false;
            }
            try (PreparedStatement mark = c.prepareStatement("UPDATE paper SET scored = true WHERE id = ? AND NOT scored");
                    PreparedStatement team = c.prepareStatement("INSERT INTO team (name) VALUES (?) ON CONFLICT DO NOTHING")) {
                mark.setString(1, s.id());
                mark.executeUpdate();
                team.setString(1, s.team());
                team.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("cannot store score of " + s.id() + " for " + s.team(), e);
        }
    }

    public List<PaperScored> forPaper(String paperId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM paper_score WHERE paper_id = ? ORDER BY priority_rank, score DESC, team")) {
            ps.setString(1, paperId);
            List<PaperScored> scores = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scores.add(read(rs));
                }
            }
            return scores;
        } catch (SQLException e) {
            throw Sql.failure("cannot read scores of " + paperId, e);
        }
    }

    /** The stored scores of the given (paper, team) pairs, keyed by {@link #key(String, String)}. */
    public Map<String, PaperScored> findAll(List<String> paperIds, List<String> teams) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT s.* FROM paper_score s"
                        + " JOIN unnest(?::text[], ?::text[]) AS wanted(paper_id, team)"
                        + " ON wanted.paper_id = s.paper_id AND wanted.team = s.team")) {
            ps.setArray(1, Sql.textArray(c, paperIds));
            ps.setArray(2, Sql.textArray(c, teams));
            Map<String, PaperScored> found = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PaperScored score = read(rs);
                    found.put(key(score.id(), score.team()), score);
                }
            }
            return found;
        } catch (SQLException e) {
            throw Sql.failure("cannot read scores of " + paperIds, e);
        }
    }

    public static String key(String paperId, String team) {
        return paperId + "\u0000" + team;
    }

    /** Every team that has scored anything, for the UI's filter. */
    public List<String> teams() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name FROM team ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            List<String> teams = new ArrayList<>();
            while (rs.next()) {
                teams.add(rs.getString(1));
            }
            return teams;
        } catch (SQLException e) {
            throw Sql.failure("cannot list teams", e);
        }
    }

    static PaperScored read(ResultSet rs) throws SQLException {
        return new PaperScored(rs.getString("paper_id"), rs.getInt("version"), rs.getString("team"),
                rs.getInt("score"), Priority.valueOf(rs.getString("priority")),
                PaperType.valueOf(rs.getString("paper_type")), rs.getInt("relevance"), rs.getBoolean("has_code"),
                Sql.nullableInt(rs, "citations"), rs.getDouble("months_since"), Sql.textList(rs, "reasons"),
                Sql.instant(rs, "scored_at"));
    }
}
