package dev.paperstream.testkit;

import dev.paperstream.embedded.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.Map;

/**
 * Like {@link PostgresResource}, but the service reaches the database through a {@link PostgresOutage}
 * relay, which is injected into the test's fields of that type. Use it from a test profile that disables
 * the global test resources, so that no other resource sets the datasource.
 */
public class PostgresOutageResource implements QuarkusTestResourceLifecycleManager {
    private PostgresServer server;
    private PostgresOutage outage;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.startForTest();
        URI target = URI.create(server.jdbcUrl().substring("jdbc:".length()));
        outage = new PostgresOutage(target.getHost(), target.getPort());
        String relayed = "jdbc:postgresql://127.0.0.1:" + outage.port() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return Map.of(
                "quarkus.datasource.jdbc.url", relayed,
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(outage, new TestInjector.MatchesType(PostgresOutage.class));
    }

    @Override
    public void stop() {
        if (outage != null) {
            outage.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
