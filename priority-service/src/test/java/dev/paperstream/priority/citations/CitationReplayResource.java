package dev.paperstream.priority.citations;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One {@link ReplayServer} standing in for both providers, and fault-tolerance settings that keep the tests
 * quick: Semantic Scholar's pace is one request per {@link #S2_WINDOW_MILLIS} and it retries twice. Setting
 * them through {@code quarkus.fault-tolerance."<client>/<method>"} also shows that the README's keys work.
 */
public class CitationReplayResource implements QuarkusTestResourceLifecycleManager {
    static final long S2_WINDOW_MILLIS = 300;
    static final int S2_RETRIES = 2;
    static ReplayServer server;

    @Override
    public Map<String, String> start() {
        server = new ReplayServer();
        String s2 = "quarkus.fault-tolerance.\"dev.paperstream.priority.citations.SemanticScholarApi/batch\".";
        return Map.of(
                "paperstream.citations.s2-url", server.url() + "/graph/v1",
                "paperstream.citations.openalex-url", server.url(),
                s2 + "rate-limit.window", String.valueOf(S2_WINDOW_MILLIS),
                s2 + "retry.max-retries", String.valueOf(S2_RETRIES));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
