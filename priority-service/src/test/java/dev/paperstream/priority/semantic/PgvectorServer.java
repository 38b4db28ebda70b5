package dev.paperstream.priority.semantic;

import io.agroal.api.AgroalDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL with pgvector for tests and benchmarks: by default {@link PgliteServer} (PostgreSQL in WASM,
 * installed by the build); or, when {@value #JDBC_URL_PROPERTY} (or {@value #JDBC_URL_ENV}) names one, a native
 * server of the person's own ({@link OwnPostgres}), where each run works in a schema of its own and drops it.
 */
public interface PgvectorServer extends AutoCloseable {
    String JDBC_URL_PROPERTY = "paperstream.pgvector.jdbc-url";
    String JDBC_URL_ENV = "PAPERSTREAM_PGVECTOR_JDBC_URL";

    /** The server named by {@value #JDBC_URL_PROPERTY}, else a PGlite server started here. */
    static PgvectorServer start() throws Exception {
        String url = System.getProperty(JDBC_URL_PROPERTY, System.getenv(JDBC_URL_ENV));
        return url == null || url.isBlank() ? PgliteServer.start() : OwnPostgres.connect(url);
    }

    /** Whether the tests run against PGlite (then skippable on request) rather than a named server. */
    static boolean pglite() {
        String url = System.getProperty(JDBC_URL_PROPERTY, System.getenv(JDBC_URL_ENV));
        return url == null || url.isBlank();
    }

    /** Whether the run asked to skip the pgvector tests: only PGlite's, a named server is always used. */
    static boolean skipRequested() {
        return pglite() && PgliteServer.skipRequested();
    }

    /** What the numbers were measured on, for the output of tests and benchmarks. */
    String description();

    /** The schema the service's tables are created in (the connections' current schema). */
    String schema();

    /** An Agroal pool, as the service has. */
    AgroalDataSource dataSource(int maxConnections) throws Exception;

    /**
     * Creates the service's schema by running its Flyway migrations in version order on one connection: Flyway
     * itself holds a transaction on one connection while it reads with another, which waits forever on PGlite's
     * single session.
     */
    default void migrate(AgroalDataSource db) throws Exception {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of(PgvectorServer.class.getResource("/db/migration").toURI()))) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString()
                            .substring(1, f.getFileName().toString().indexOf("__")))))
                    .toList();
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema());
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        }
    }

    @Override
    void close();
}
