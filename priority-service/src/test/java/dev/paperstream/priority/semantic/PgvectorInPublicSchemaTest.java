package dev.paperstream.priority.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.priority.semantic.NearestPapers.Candidates;
import dev.paperstream.priority.store.EmbeddingRepository;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The set-up of a CloudNativePG cluster: the extension created beforehand in {@code public} (the cluster's
 * bootstrap SQL), while the service's connections search only their own schema. The service must find the
 * extension where it is and name its type and operator there; an unqualified {@code vector} or {@code <=>} would
 * not resolve. {@link PgvectorIndexTest} covers the other case, a service that creates the extension itself.
 */
class PgvectorInPublicSchemaTest {

    @Test
    void theServiceUsesAnExtensionCreatedInPublicOutsideItsSearchPath() throws Exception {
        Assumptions.assumeFalse(PgvectorServer.skipRequested(),
                "skipped on request: " + PgliteServer.SKIP_ENV + " or -D" + PgliteServer.SKIP_PROPERTY);
        long seed = System.nanoTime();
        System.out.printf("PgvectorInPublicSchemaTest: seed %d%n", seed);
        Random random = new Random(seed);
        try (PgvectorServer server = PgvectorServer.start(); AgroalDataSource db = server.dataSource(2)) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS vector SCHEMA public");
                s.execute("CREATE SCHEMA IF NOT EXISTS " + server.schema());
                // PGlite is one session for every connection and ignores pgjdbc's currentSchema, so it is set
                // here; a native server's connections have it from their URL
                s.execute("SET search_path TO " + server.schema());
            }
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(server.schema());
            }
            server.migrate(db);
            EmbeddingRepository embeddings = new EmbeddingRepository(db);
            Map<String, float[]> papers = new LinkedHashMap<>();
            for (int i = 0; i < 300; i++) {
                papers.put(String.format("2601.%05d", i), StoredPapers.unitVector(random));
            }
            StoredPapers.store(db, embeddings, papers);

            PgvectorIndex index = PgvectorIndex.prepare(db, new PgvectorIndex.Hnsw(16, 64, 100));

            assertThat(index.description()).contains("in schema public");
            float[] query = StoredPapers.unitVector(random);
            List<String> exact = StoredPapers.exact(papers, query, 10, id -> true);
            List<VectorIndex.Hit> hits = index.nearest(query, 10, Candidates.everyPaperBut(Set.of()));
            assertThat(hits).extracting(VectorIndex.Hit::id).containsExactlyElementsOf(exact);
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema()"
                            + " AND indexname = '" + PgvectorIndex.INDEX + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isOne();
            }
        }
    }
}
