package dev.paperstream.priority.semantic;

import dev.paperstream.priority.semantic.SemanticConfig.Store;
import dev.paperstream.priority.store.EmbeddingRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Chooses, once at start-up, where related papers are searched ({@code paperstream.semantic.store}): pgvector's HNSW
 * where the server offers the extension, else the in-process exact index, filled with the newest papers; the choice
 * and its reason are logged and reported by the API (README, "Storage and search").
 */
@ApplicationScoped
public class SemanticIndex {
    private static final Logger LOG = Logger.getLogger(SemanticIndex.class);

    private final EmbeddingRepository embeddings;
    private final AgroalDataSource dataSource;
    private final SemanticConfig config;
    private volatile Selected selected;

    public SemanticIndex(EmbeddingRepository embeddings, AgroalDataSource dataSource, SemanticConfig config) {
        this.embeddings = embeddings;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The store in use, and why it was chosen. */
    record Selected(NearestPapers papers, String why) {
    }

    void onStart(@Observes StartupEvent start) {
        long t0 = System.nanoTime();
        Selected chosen = select(config.store());
        String loaded = "";
        if (chosen.papers() instanceof InProcessIndex inProcess) {
            loaded = inProcess.load() + " embeddings loaded (capacity " + inProcess.capacity() + "), ";
        }
        selected = chosen;
        LOG.infof("semantic index: %s%d ms; %s", loaded, (System.nanoTime() - t0) / 1_000_000, backend());
    }

    /** The store {@code wanted} resolves to on this server; fails for {@code pgvector} where it cannot be had. */
    Selected select(Store wanted) {
        if (wanted == Store.IN_PROCESS) {
            return inProcess("paperstream.semantic.store=in-process");
        }
        if (!embeddings.pgvectorAvailable()) {
            if (wanted == Store.PGVECTOR) {
                throw new IllegalStateException("paperstream.semantic.store=pgvector, but this PostgreSQL server "
                        + "offers no 'vector' extension (pg_available_extensions): install pgvector on the server, "
                        + "or set paperstream.semantic.store to auto or in-process");
            }
            return inProcess("pgvector not available in this PostgreSQL");
        }
        SemanticConfig.Hnsw hnsw = config.hnsw();
        if (hnsw.efConstruction() < 2 * hnsw.m()) {
            throw new IllegalStateException("paperstream.semantic.hnsw.ef-construction (" + hnsw.efConstruction()
                    + ") must be at least 2 x paperstream.semantic.hnsw.m (" + hnsw.m() + ")");
        }
        try {
            PgvectorIndex pgvector = PgvectorIndex.prepare(dataSource,
                    new PgvectorIndex.Hnsw(hnsw.m(), hnsw.efConstruction(), hnsw.efSearch()));
            return new Selected(pgvector, "paperstream.semantic.store=" + (wanted == Store.AUTO ? "auto" : "pgvector")
                    + " and this PostgreSQL offers pgvector");
        } catch (SQLException e) {
            if (wanted == Store.PGVECTOR) {
                throw new IllegalStateException("paperstream.semantic.store=pgvector, but pgvector could not be set "
                        + "up in this database: " + e.getMessage(), e);
            }
            LOG.warnf("pgvector is available but could not be set up (%s); searching in process", e.getMessage());
            return inProcess("pgvector available but not set up: " + e.getMessage());
        }
    }

    private Selected inProcess(String why) {
        return new Selected(new InProcessIndex(embeddings, config.indexCapacity()), why);
    }

    /** Where nearest papers are searched. */
    public NearestPapers papers() {
        return chosen().papers();
    }

    private Selected chosen() {
        Selected s = selected;
        if (s == null) {
            throw new IllegalStateException("the semantic index is being chosen (start-up); try again shortly");
        }
        return s;
    }

    /** What answers similarity queries and why, as reported by the API. */
    public String backend() {
        Selected s = chosen();
        return s.papers().description() + " (" + s.why() + ")";
    }
}
