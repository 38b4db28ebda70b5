package dev.paperstream.priority.semantic;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * A native PostgreSQL with pgvector that the person running the tests names by JDBC URL (user and password in the
 * URL). Each run creates a schema of its own ({@code pgvector_test_...}) and drops it at the end, so a database in
 * use is left as it was. The extension is used where it is created (the service qualifies its names with that
 * schema); where it is not, the service creates it, which takes a superuser.
 */
final class OwnPostgres implements PgvectorServer {
    private final String url;
    private final String schema;
    private final String description;

    private OwnPostgres(String url, String schema, String description) {
        this.url = url;
        this.schema = schema;
        this.description = description;
    }

    static OwnPostgres connect(String url) throws SQLException {
        String schema = "pgvector_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            String server;
            try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), (SELECT default_version "
                    + "FROM pg_available_extensions WHERE name = 'vector')")) {
                rs.next();
                server = String.format(Locale.ROOT, "PostgreSQL %s (native) with pgvector %s available",
                        rs.getString(1), rs.getString(2) == null ? "not" : rs.getString(2));
            }
            System.out.printf("%s at %s, schema %s%n", server, url.replaceAll("password=[^&]*", "password=..."),
                    schema);
            return new OwnPostgres(url, schema, server);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public AgroalDataSource dataSource(int maxConnections) throws SQLException {
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(
                pool -> pool.maxSize(maxConnections).acquisitionTimeout(Duration.ofSeconds(60))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(withSchema))));
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.out.printf("could not drop the test schema %s: %s%n", schema, e.getMessage());
        }
    }
}
