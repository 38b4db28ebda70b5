package dev.paperstream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void aFreshDatabaseAcceptsWritesAndReportsARealServerVersion() throws Exception {
        try (PostgresServer pg = PostgresServer.startForTest();
                var c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            c.createStatement().execute("CREATE TABLE t (id int primary key)");
            c.createStatement().execute("INSERT INTO t VALUES (42)");
            var rs = c.createStatement().executeQuery("SELECT current_database(), (SELECT id FROM t), version()");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(pg.database());
            assertThat(rs.getInt(2)).isEqualTo(42);
            assertThat(rs.getString(3)).startsWith("PostgreSQL");
        }
    }
}
