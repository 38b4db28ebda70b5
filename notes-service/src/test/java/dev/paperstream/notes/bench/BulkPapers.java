package dev.paperstream.notes.bench;

import dev.paperstream.embedded.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Fills the notes schema with many papers, scores and queue items in a few set-based statements. */
final class BulkPapers {
    private BulkPapers() {
    }

    static void insert(PostgresServer db, int papers) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO notes.paper (id, version, title, authors, abstract, categories, primary_category,
                                             published, link_abs, source)
                    SELECT '25' || lpad((10 + i / 100000)::text, 2, '0') || '.' || lpad((i % 100000)::text, 5, '0'),
                           1,
                           'Paper ' || i || ' on ' || (ARRAY['attention','convolutions','graphs','diffusion','retrieval'])[1 + i % 5],
                           ARRAY['Author ' || (i % 997), 'Author ' || (i % 991)],
                           'We study ' || (ARRAY['attention','convolutions','graphs','diffusion','retrieval'])[1 + i % 7 % 5]
                             || ' and show it is ' || (1 + i % 9) || 'x faster on long sequences with less memory.',
                           ARRAY['cs.LG'], 'cs.LG', timestamptz '2025-01-01' + (i || ' minutes')::interval,
                           'https://arxiv.org/abs/x', 'snapshot'
                    FROM generate_series(0, ? - 1) AS i
                    ON CONFLICT DO NOTHING""")) {
                ps.setInt(1, papers);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO notes.paper_score (paper_id, team, version, score, priority, priority_rank, paper_type,
                                                       relevance, has_code, citations, months_since, reasons, scored_at,
                                                       published)
                        SELECT p.id, t.team, 1, sc, CASE WHEN sc >= 7 THEN 'HIGH' WHEN sc >= 4 THEN 'MEDIUM' ELSE 'LOW' END,
                               CASE WHEN sc >= 7 THEN 0 WHEN sc >= 4 THEN 1 ELSE 2 END,
                               (ARRAY['ARCHITECTURE','OPTIMIZATION','EMPIRICAL','THEORETICAL','APPLICATION'])[1 + abs(hashtext(p.id)) % 5],
                               3, true, 10, 3.0, ARRAY['relevance 3/5: +3'], now(), p.published
                        FROM notes.paper p
                        CROSS JOIN (VALUES ('bulk-a'), ('bulk-b')) AS t(team)
                        CROSS JOIN LATERAL (SELECT abs(hashtext(p.id || t.team)) % 11 AS sc) AS x
                        WHERE p.source = 'snapshot'
                        ON CONFLICT DO NOTHING""");
                s.executeUpdate("DELETE FROM notes.paper_unscored u USING notes.paper p"
                        + " WHERE p.id = u.paper_id AND p.source = 'snapshot'");
                s.executeUpdate("INSERT INTO notes.team (name) VALUES ('bulk-a'), ('bulk-b') ON CONFLICT DO NOTHING");
                s.execute("ANALYZE");
            }
        }
    }
}
