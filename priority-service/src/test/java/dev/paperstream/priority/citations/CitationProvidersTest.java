package dev.paperstream.priority.citations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.priority.citations.CitationProvider.ProviderUnavailable;
import dev.paperstream.support.net.OutboundUrls;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitationProvidersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FAST = Duration.ofMillis(1);
    /** The replay servers listen on 127.0.0.1, which only an allowance lets a provider call. */
    private static final OutboundUrls LOOPBACK_ALLOWED = new OutboundUrls(List.of("127.0.0.0/8"));

    private static SemanticScholar s2(ReplayServer server, Duration interval) {
        return new SemanticScholar(server.url() + "/graph/v1", Optional.of("secret-key"), Duration.ofSeconds(2),
                interval, 2, JSON, LOOPBACK_ALLOWED);
    }

    @Test
    void semanticScholarBatchLooksUpArxivIdsAndSkipsThoseItDoesNotKnow() throws Exception {
        try (ReplayServer server = new ReplayServer().reply(200, ReplayServer.resource("s2-paper-batch.json"))) {
            Map<String, Integer> counts = s2(server, FAST).citations(List.of("2205.14135", "9999.99999", "2307.08691"));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("2205.14135", 1834, "2307.08691", 812));
            ReplayServer.Request r = server.requests().get(0);
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.uri()).isEqualTo("/graph/v1/paper/batch?fields=citationCount");
            assertThat(r.headers().get("X-api-key")).containsExactly("secret-key");
            assertThat(JSON.readTree(r.body()).get("ids").toString())
                    .isEqualTo("[\"ARXIV:2205.14135\",\"ARXIV:9999.99999\",\"ARXIV:2307.08691\"]");
        }
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterTheServersRetryAfter() {
        try (ReplayServer server = new ReplayServer()
                .reply(429, "{\"message\": \"Too Many Requests\"}", Map.of("Retry-After", "0"))
                .reply(200, ReplayServer.resource("s2-paper-batch.json"))) {
            assertThat(s2(server, FAST).citations(List.of("2205.14135", "9999.99999", "2307.08691")))
                    .containsEntry("2205.14135", 1834);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void aProviderThatKeepsRefusingIsUnavailableAfterItsRetries() {
        try (ReplayServer server = new ReplayServer().reply(429, "{}", Map.of("Retry-After", "0"))) {
            assertThatThrownBy(() -> s2(server, FAST).citations(List.of("2205.14135")))
                    .isInstanceOf(ProviderUnavailable.class).hasMessageContaining("429 after 3 tries");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void requestsAreSpacedByTheMinimumInterval() {
        try (ReplayServer server = new ReplayServer().reply(200, "[null]")) {
            SemanticScholar client = s2(server, Duration.ofMillis(300));
            for (int i = 0; i < 3; i++) {
                client.citations(List.of("2205.14135"));
            }
            // the first request also opens the connection, so the gap is measured between the later two
            List<ReplayServer.Request> r = server.requests();
            assertThat(Duration.ofNanos(r.get(2).atNanos() - r.get(1).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void openAlexFindsWorksByTheirArxivDois() {
        try (ReplayServer server = new ReplayServer().reply(200, ReplayServer.resource("openalex-works.json"))) {
            OpenAlex client = new OpenAlex(server.url(), Optional.of("team@example.org"), Duration.ofSeconds(2), FAST, 1, JSON,
                    LOOPBACK_ALLOWED);
            assertThat(client.citations(List.of("2205.14135", "2307.08691", "2401.00001")))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("2205.14135", 1502, "2307.08691", 640));
            String uri = server.requests().get(0).uri();
            assertThat(uri).startsWith("/works?filter=doi%3A").contains("10.48550%2Farxiv.2205.14135")
                    .contains("select=doi,cited_by_count").contains("mailto=team%40example.org");
        }
    }

    @Test
    void anUnreachableProviderLeavesCountsUnknownWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SemanticScholar client = new SemanticScholar("http://127.0.0.1:" + closedPort, Optional.empty(),
                Duration.ofSeconds(1), FAST, 0, JSON, LOOPBACK_ALLOWED);
        CitationsLookup lookup = new CitationsLookup(Optional.of(client), Duration.ofHours(1), Duration.ofMinutes(5),
                Clock.systemUTC());
        assertThat(lookup.cached("2205.14135").note()).isEqualTo("not fetched yet from Semantic Scholar");
        lookup.refresh(List.of("2205.14135"));
        CitationCount c = lookup.cached("2205.14135");
        assertThat(c.known()).isFalse();
        assertThat(c.note()).startsWith("Semantic Scholar unreachable");
    }

    @Test
    void aProviderOnAnAddressNobodyAllowedIsNeverCalled() {
        try (ReplayServer server = new ReplayServer().reply(200, ReplayServer.resource("s2-paper-batch.json"))) {
            SemanticScholar client = new SemanticScholar(server.url() + "/graph/v1", Optional.empty(),
                    Duration.ofSeconds(2), FAST, 0, JSON, new OutboundUrls(List.of()));
            assertThatThrownBy(() -> client.citations(List.of("2205.14135"))).isInstanceOf(ProviderUnavailable.class)
                    .hasMessage("Semantic Scholar is not called: outgoing request to 127.0.0.1 refused: 127.0.0.1 is a"
                            + " loopback address (127.0.0.0/8); an admin can allow it with paperstream.outbound.allow");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aRedirectIsFollowedOnlyToAnAllowedAddress() throws Exception {
        try (ReplayServer server = new ReplayServer()
                .reply(307, "", Map.of("Location", "/graph/v1/moved/paper/batch?fields=citationCount"))
                .reply(302, "", Map.of("Location", "http://169.254.169.254/latest/meta-data/"))) {
            assertThatThrownBy(() -> s2(server, FAST).citations(List.of("2205.14135")))
                    .isInstanceOf(ProviderUnavailable.class)
                    .hasMessageStartingWith("Semantic Scholar is not called: outgoing request to 169.254.169.254"
                            + " refused: 169.254.169.254 is a link-local address");
            List<ReplayServer.Request> requests = server.requests();
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).method()).isEqualTo("POST");
            assertThat(requests.get(1).uri()).isEqualTo("/graph/v1/moved/paper/batch?fields=citationCount");
            assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        }
        try (ReplayServer server = new ReplayServer()
                .reply(308, "", Map.of("Location", "/graph/v1/moved/paper/batch?fields=citationCount"))
                .reply(200, ReplayServer.resource("s2-paper-batch.json"))) {
            assertThat(s2(server, FAST).citations(List.of("2205.14135", "9999.99999", "2307.08691")))
                    .containsEntry("2205.14135", 1834);
        }
    }

    @Test
    void cachedCountsAreServedUntilTheyExpire() {
        MutableClock clock = new MutableClock();
        try (ReplayServer server = new ReplayServer().reply(200, ReplayServer.resource("s2-paper-batch.json"))) {
            CitationsLookup lookup = new CitationsLookup(Optional.of(s2(server, FAST)), Duration.ofHours(24),
                    Duration.ofMinutes(5), clock);
            List<String> ids = List.of("2205.14135", "9999.99999", "2307.08691");
            lookup.refresh(ids);
            assertThat(lookup.cached("2205.14135")).isEqualTo(new CitationCount(1834, "Semantic Scholar"));
            assertThat(lookup.cached("9999.99999").note()).isEqualTo("not indexed by Semantic Scholar");
            lookup.refresh(ids);
            assertThat(server.requests()).hasSize(1);
            clock.now = clock.now.plus(Duration.ofHours(25));
            assertThat(lookup.cached("2205.14135").known()).isFalse();
            lookup.refresh(ids);
            assertThat(server.requests()).hasSize(2);
            assertThat(lookup.cached("2205.14135").count()).isEqualTo(1834);
        }
    }

    @Test
    void withoutAProviderEveryCountIsUnknownAndNothingIsAsked() {
        CitationsLookup lookup = new CitationsLookup(Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(5),
                Clock.systemUTC());
        lookup.refresh(List.of("2205.14135"));
        assertThat(lookup.cached("2205.14135")).isEqualTo(CitationCount.unknown("no provider configured"));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
