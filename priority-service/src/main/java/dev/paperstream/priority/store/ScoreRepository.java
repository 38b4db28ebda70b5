package dev.paperstream.priority.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Current scores per paper and team, and the history of every score that changed. Written a polled batch
 * at a time with hand-written multi-row statements (see the README); {@link ScoreHistoryRepository} reads
 * the history.
 */
@ApplicationScoped
public class ScoreRepository {
    private final AgroalDataSource dataSource;

    public ScoreRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A score about to be stored, column by column; {@code factorsJson} is the factors as a JSON array,
     * {@code correction} names the people's corrections it applied (null: none), {@code duplicateOf} the paper it
     * repeats (null: none).
     */
    public record ScoreRow(String paperId, int version, String team, int score, String priority, String paperType,
            int relevance, boolean hasCode, Integer citations, double monthsSincePublication, String factorsJson,
            String correction, String duplicateOf) {
        public ScoreKey key() {
            return new ScoreKey(paperId, team);
        }
    }

    /** Which score: a paper and a team. */
    public record ScoreKey(String paperId, String team) {
    }

    // One statement for a whole batch: rows are passed as parallel arrays and unnested, because a row per
    // statement (even JDBC-batched) costs a round trip and a plan execution per score. Within one call a
    // (paper, team) may occur once only: ON CONFLICT cannot update a row twice in one statement.
    private static final String UPSERT_ALL = """
            INSERT INTO score (paper_id, team, version, score, priority, paper_type, relevance, has_code,
                citations, months_since_publication, factors, correction, duplicate_of, scored_at)
            SELECT paper_id, team, version, score, priority, paper_type, relevance, has_code, citations, months,
                factors::jsonb, correction, duplicate_of, ?
            FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::int[], ?::boolean[],
                ?::int[], ?::float8[], ?::text[], ?::text[], ?::text[])
                AS s(paper_id, team, version, score, priority, paper_type, relevance, has_code, citations, months,
                     factors, correction, duplicate_of)
            ON CONFLICT (paper_id, team) DO UPDATE SET version = EXCLUDED.version, score = EXCLUDED.score,
                priority = EXCLUDED.priority, paper_type = EXCLUDED.paper_type, relevance = EXCLUDED.relevance,
                has_code = EXCLUDED.has_code, citations = EXCLUDED.citations,
                months_since_publication = EXCLUDED.months_since_publication, factors = EXCLUDED.factors,
                correction = EXCLUDED.correction, duplicate_of = EXCLUDED.duplicate_of, scored_at = EXCLUDED.scored_at
            WHERE (score.version, score.score, score.priority, score.paper_type, score.correction, score.duplicate_of)
                IS DISTINCT FROM (EXCLUDED.version, EXCLUDED.score, EXCLUDED.priority, EXCLUDED.paper_type,
                                  EXCLUDED.correction, EXCLUDED.duplicate_of)
              AND score.version <= EXCLUDED.version
            RETURNING paper_id, team
            """;
    private static final String HISTORY_ALL = """
            INSERT INTO score_history (paper_id, team, version, score, priority, factors, scored_at)
            SELECT paper_id, team, version, score, priority, factors::jsonb, ?
            FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[])
                AS h(paper_id, team, version, score, priority, factors)
            """;

    /**
     * Stores each score that is new: a first score, a new version, a different score, priority or paper type, or
     * a new correction by a person, a newly found duplicate, and
     * keeps it in the history (each paper and team at most once in {@code all}). Answers the keys of the
     * scores stored; the caller publishes those only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<ScoreKey> recordAll(List<ScoreRow> all, Instant scoredAt) {
        if (all.isEmpty()) {
            return Set.of();
        }
        int n = all.size();
        String[] ids = new String[n];
        String[] teams = new String[n];
        Integer[] versions = new Integer[n];
        Integer[] points = new Integer[n];
        String[] priorities = new String[n];
        String[] types = new String[n];
        Integer[] relevances = new Integer[n];
        Boolean[] code = new Boolean[n];
        Integer[] citations = new Integer[n];
        Double[] months = new Double[n];
        String[] factors = new String[n];
        String[] corrections = new String[n];
        String[] duplicates = new String[n];
        for (int i = 0; i < n; i++) {
            ScoreRow row = all.get(i);
            ids[i] = row.paperId();
            teams[i] = row.team();
            versions[i] = row.version();
            points[i] = row.score();
            priorities[i] = row.priority();
            types[i] = row.paperType();
            relevances[i] = row.relevance();
            code[i] = row.hasCode();
            citations[i] = row.citations();
            months[i] = row.monthsSincePublication();
            factors[i] = row.factorsJson();
            corrections[i] = row.correction();
            duplicates[i] = row.duplicateOf();
        }
        try (Connection c = dataSource.getConnection()) {
            Set<ScoreKey> changed = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(UPSERT_ALL)) {
                ps.setTimestamp(1, Timestamp.from(scoredAt));
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("text", teams));
                ps.setArray(4, c.createArrayOf("int4", versions));
                ps.setArray(5, c.createArrayOf("int4", points));
                ps.setArray(6, c.createArrayOf("text", priorities));
                ps.setArray(7, c.createArrayOf("text", types));
                ps.setArray(8, c.createArrayOf("int4", relevances));
                ps.setArray(9, c.createArrayOf("bool", code));
                ps.setArray(10, c.createArrayOf("int4", citations));
                ps.setArray(11, c.createArrayOf("float8", months));
                ps.setArray(12, c.createArrayOf("text", factors));
                ps.setArray(13, c.createArrayOf("text", corrections));
                ps.setArray(14, c.createArrayOf("text", duplicates));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(new ScoreKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            if (changed.isEmpty()) {
                return Set.of();
            }
            List<Integer> kept = new ArrayList<>(changed.size());
            for (int i = 0; i < n; i++) {
                if (changed.contains(all.get(i).key())) {
                    kept.add(i);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(HISTORY_ALL)) {
                ps.setTimestamp(1, Timestamp.from(scoredAt));
                ps.setArray(2, c.createArrayOf("text", pick(ids, kept)));
                ps.setArray(3, c.createArrayOf("text", pick(teams, kept)));
                ps.setArray(4, c.createArrayOf("int4", pick(versions, kept)));
                ps.setArray(5, c.createArrayOf("int4", pick(points, kept)));
                ps.setArray(6, c.createArrayOf("text", pick(priorities, kept)));
                ps.setArray(7, c.createArrayOf("text", pick(factors, kept)));
                ps.executeUpdate();
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + n + " scores (first " + ids[0] + "): " + e.getMessage(), e);
        }
    }

    private static Object[] pick(Object[] values, List<Integer> indexes) {
        Object[] out = new Object[indexes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[indexes.get(i)];
        }
        return out;
    }
}
