package dev.paperstream.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server: the one named by {@code PAPERSTREAM_TEST_POSTGRES_URL} (a JDBC URL of a
 * database whose user may create databases; user and password in {@code PAPERSTREAM_TEST_POSTGRES_USER}
 * and {@code PAPERSTREAM_TEST_POSTGRES_PASSWORD}), or else an embedded PostgreSQL started from the
 * zonky binaries. Tests get a database of their own that is dropped when they close it.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String URL_VARIABLE = "PAPERSTREAM_TEST_POSTGRES_URL";

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String database;

    private PostgresServer(EmbeddedPostgres embedded, String adminUrl, String user, String password, String database) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /** A fresh database on the configured server, or on a new embedded server. */
    public static PostgresServer startForTest() {
        String url = System.getenv(URL_VARIABLE);
        String database = "paperstream_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (url != null && !url.isBlank()) {
            String user = envOr("PAPERSTREAM_TEST_POSTGRES_USER", "postgres");
            String password = envOr("PAPERSTREAM_TEST_POSTGRES_PASSWORD", "");
            PostgresServer server = new PostgresServer(null, url, user, password, database);
            server.execute("CREATE DATABASE " + database);
            return server;
        }
        try {
            Path dir = Files.createTempDirectory("paperstream-pg-");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            PostgresServer server = new PostgresServer(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", database);
            server.execute("CREATE DATABASE " + database);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An embedded server that keeps its data in {@code dataDir} between runs (the local launcher). */
    public static PostgresServer startPersistent(Path dataDir, int port, String database) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .start();
            PostgresServer server = new PostgresServer(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", database);
            if (!server.databaseExists()) {
                server.execute("CREATE DATABASE " + database);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    public String jdbcUrl() {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?', slash);
        String base = adminUrl.substring(0, slash + 1) + database;
        return query < 0 ? base : base + adminUrl.substring(query);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String database() {
        return database;
    }

    private boolean databaseExists() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                var rs = c.createStatement().executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database.toLowerCase(Locale.ROOT) + "'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
