package dev.paperstream.priority.citations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReplayServer} standing in for both providers, and fault-tolerance settings that keep the tests
 * quick: Semantic Scholar's pace is one request per {@link #S2_WINDOW_MILLIS} and it retries twice. Setting
 * them through {@code quarkus.fault-tolerance."<client>/<method>"} also shows that the README's keys work.
 */
public class CitationReplayResource implements QuarkusTestResourceLifecycleManager {
    static final long S2_WINDOW_MILLIS = 300;
    static final int S2_RETRIES = 2;
    /** By URL: Quarkus may start this resource more than once in a run, and the test needs the one it was given. */
    private static final Map<String, ReplayServer> SERVERS = new ConcurrentHashMap<>();
    private ReplayServer server;

    static ReplayServer at(String url) {
        return SERVERS.get(url);
    }

    @Override
    public Map<String, String> start() {
        server = new ReplayServer();
        SERVERS.put(server.url(), server);
        String s2 = "quarkus.fault-tolerance.\"dev.paperstream.priority.citations.SemanticScholarApi/batch\".";
        return Map.of(
                // the client's own key: RescoringTest's FakeSemanticScholarResource applies to every test and sets s2-url
                "quarkus.rest-client.semantic-scholar.url", server.url() + "/graph/v1",
                "paperstream.citations.openalex-url", server.url(),
                s2 + "rate-limit.window", String.valueOf(S2_WINDOW_MILLIS),
                s2 + "retry.max-retries", String.valueOf(S2_RETRIES));
    }

    @Override
    public void stop() {
        if (server != null) {
            SERVERS.remove(server.url());
            server.close();
        }
    }
}
