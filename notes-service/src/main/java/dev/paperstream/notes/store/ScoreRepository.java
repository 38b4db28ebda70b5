package dev.paperstream.notes.store;

import dev.paperstream.events.PaperScored;
import dev.paperstream.events.PaperType;
import dev.paperstream.events.Priority;
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
    private final AgroalDataSource dataSource;
    private final TeamRepository teams;

    public ScoreRepository(AgroalDataSource dataSource, TeamRepository teams) {
        this.dataSource = dataSource;
        this.teams = teams;
    }

    // A re-score of the same version (fresh citations) replaces the old one; an older version never does.
    // One statement per batch (see PaperRepository.UPSERT); each (paper, team) at most once per call.
    private static final String UPSERT = """
            INSERT INTO paper_score (paper_id, team, version, score, priority, priority_rank, paper_type, relevance,
                                     has_code, citations, months_since, reasons, scored_at, published)
            SELECT s.paper_id, s.team, s.version, s.score, s.priority, s.priority_rank, s.paper_type, s.relevance,
                   s.has_code, s.citations, s.months_since, s.reasons::text[], s.scored_at,
                   (SELECT published FROM paper WHERE id = s.paper_id)
            FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::int[], ?::text[], ?::int[], ?::boolean[],
                        ?::int[], ?::float8[], ?::text[], ?::timestamptz[])
                AS s(paper_id, team, version, score, priority, priority_rank, paper_type, relevance, has_code,
                     citations, months_since, reasons, scored_at)
            ON CONFLICT (paper_id, team) DO UPDATE SET
                version = EXCLUDED.version, score = EXCLUDED.score, priority = EXCLUDED.priority,
                priority_rank = EXCLUDED.priority_rank, paper_type = EXCLUDED.paper_type,
                relevance = EXCLUDED.relevance, has_code = EXCLUDED.has_code, citations = EXCLUDED.citations,
                months_since = EXCLUDED.months_since, reasons = EXCLUDED.reasons, scored_at = EXCLUDED.scored_at,
                published = EXCLUDED.published
            WHERE paper_score.version < EXCLUDED.version
               OR (paper_score.version = EXCLUDED.version AND paper_score.scored_at <= EXCLUDED.scored_at)
            RETURNING paper_id, team
            """;

    /**
     * Stores each score that is newer than the stored one of its paper and team, in the caller's transaction, holding the papers' locks
     * ({@link Sql#lockPapers}) until it ends; each (paper, team) at most once. Answers the scores now stored, in order.
     */
    public List<PaperScored> upsertAll(List<PaperScored> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            Sql.lockPapers(c, all.stream().map(PaperScored::id).toList());
            ps.setArray(1, Sql.array(c, "text", all.stream().map(PaperScored::id).toArray()));
            ps.setArray(2, Sql.array(c, "text", all.stream().map(PaperScored::team).toArray()));
            ps.setArray(3, Sql.array(c, "int4", all.stream().map(PaperScored::version).toArray()));
            ps.setArray(4, Sql.array(c, "int4", all.stream().map(PaperScored::score).toArray()));
            ps.setArray(5, Sql.array(c, "text", all.stream().map(s -> s.priority().name()).toArray()));
            ps.setArray(6, Sql.array(c, "int4", all.stream().map(s -> s.priority().ordinal()).toArray()));
            ps.setArray(7, Sql.array(c, "text", all.stream().map(s -> s.paperType().name()).toArray()));
            ps.setArray(8, Sql.array(c, "int4", all.stream().map(PaperScored::relevance).toArray()));
            ps.setArray(9, Sql.array(c, "bool", all.stream().map(PaperScored::hasCode).toArray()));
            ps.setArray(10, Sql.array(c, "int4", all.stream().map(PaperScored::citations).toArray()));
            ps.setArray(11, Sql.array(c, "float8", all.stream().map(PaperScored::monthsSincePublication).toArray()));
            ps.setArray(12, Sql.array(c, "text", all.stream().map(s -> Sql.arrayLiteral(s.reasons())).toArray()));
            ps.setArray(13, Sql.array(c, "timestamptz", Sql.timestamps(all.stream().map(PaperScored::scoredAt).toList())));
            java.util.Set<String> stored = new java.util.HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(key(rs.getString(1), rs.getString(2)));
                }
            }
            List<PaperScored> out = all.stream().filter(s -> stored.contains(key(s.id(), s.team()))).toList();
            if (!out.isEmpty()) {
                try (PreparedStatement mark = c.prepareStatement(
                        "DELETE FROM paper_unscored WHERE paper_id = ANY (?)");
                        PreparedStatement team = c.prepareStatement(
                                "INSERT INTO team (name) SELECT DISTINCT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
                    mark.setArray(1, Sql.array(c, "text", out.stream().map(PaperScored::id).distinct().toArray()));
                    mark.executeUpdate();
                    team.setArray(1, Sql.array(c, "text", out.stream().map(PaperScored::team).distinct().toArray()));
                    team.executeUpdate();
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot store " + all.size() + " scores (first " + all.get(0).id() + ")", e);
        }
    }

    /** The stored scores of each of {@code paperIds}, each paper's ordered as {@link #forPaper} orders them. */
    public Map<String, List<PaperScored>> forPapers(java.util.Collection<String> paperIds) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM paper_score WHERE paper_id = ANY (?)"
                        + " ORDER BY paper_id, priority_rank, score DESC, team")) {
            ps.setArray(1, Sql.textArray(c, List.copyOf(paperIds)));
            Map<String, List<PaperScored>> scores = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PaperScored s = read(rs);
                    scores.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(s);
                }
            }
            return scores;
        } catch (SQLException e) {
            throw Sql.failure("cannot read scores of " + paperIds.size() + " papers", e);
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
        return teams.names();
    }

    static PaperScored read(ResultSet rs) throws SQLException {
        return new PaperScored(rs.getString("paper_id"), rs.getInt("version"), rs.getString("team"),
                rs.getInt("score"), Priority.valueOf(rs.getString("priority")),
                PaperType.valueOf(rs.getString("paper_type")), rs.getInt("relevance"), rs.getBoolean("has_code"),
                Sql.nullableInt(rs, "citations"), rs.getDouble("months_since"), Sql.textList(rs, "reasons"),
                Sql.instant(rs, "scored_at"));
    }
}
