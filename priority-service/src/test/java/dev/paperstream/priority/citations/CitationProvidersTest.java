package dev.paperstream.priority.citations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.priority.citations.CitationProvider.ProviderUnavailable;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The providers' REST Clients, with their fault tolerance, against a local server replaying their formats. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(value = CitationReplayResource.class, restrictToAnnotatedClass = true)
class CitationProvidersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The replay server listens on 127.0.0.1, which only an allowance lets a provider call. */
    private static final OutboundUrls LOOPBACK_ALLOWED = new OutboundUrls(List.of("127.0.0.0/8"));

    @Inject
    @RestClient
    SemanticScholarApi s2Api;

    @Inject
    @RestClient
    OpenAlexApi openAlexApi;

    @ConfigProperty(name = "paperstream.citations.openalex-url")
    String replayUrl;

    ReplayServer server;

    @BeforeEach
    void reset() throws InterruptedException {
        server = CitationReplayResource.at(replayUrl).reset();
        // no test starts inside the rate limit's window of the one before
        Thread.sleep(CitationReplayResource.S2_WINDOW_MILLIS);
    }

    private SemanticScholar s2() {
        return new SemanticScholar(URI.create(server.url() + "/graph/v1"), Optional.of("secret-key"), s2Api, JSON,
                LOOPBACK_ALLOWED);
    }

    @Test
    void semanticScholarBatchLooksUpArxivIdsAndSkipsThoseItDoesNotKnow() throws Exception {
        server.reply(200, ReplayServer.resource("s2-paper-batch.json"));
        Map<String, Integer> counts = s2().citations(List.of("2205.14135", "9999.99999", "2307.08691"));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("2205.14135", 1834, "2307.08691", 812));
        ReplayServer.Request r = server.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.uri()).isEqualTo("/graph/v1/paper/batch?fields=citationCount");
        assertThat(r.headers().get("X-api-key")).containsExactly("secret-key");
        assertThat(JSON.readTree(r.body()).get("ids").toString())
                .isEqualTo("[\"ARXIV:2205.14135\",\"ARXIV:9999.99999\",\"ARXIV:2307.08691\"]");
    }

    @Test
    void aTooManyRequestsAnswerIsRetriedAfterTheServersRetryAfter() {
        server.reply(429, "{\"message\": \"Too Many Requests\"}", Map.of("Retry-After", "1"))
                .reply(200, ReplayServer.resource("s2-paper-batch.json"));
        assertThat(s2().citations(List.of("2205.14135", "9999.99999", "2307.08691"))).containsEntry("2205.14135", 1834);
        List<ReplayServer.Request> r = server.requests();
        assertThat(r).hasSize(2);
        assertThat(Duration.ofNanos(r.get(1).atNanos() - r.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aProviderThatKeepsRefusingIsUnavailableAfterItsRetries() {
        server.reply(429, "{}", Map.of("Retry-After", "1"));
        assertThatThrownBy(() -> s2().citations(List.of("2205.14135"))).isInstanceOf(ProviderUnavailable.class)
                .hasMessage("Semantic Scholar answered 429 (Retry-After 1 s), and still after its retries");
        assertThat(server.requests()).hasSize(1 + CitationReplayResource.S2_RETRIES);
    }

    @Test
    void anErrorThatIsNotAboutLoadIsNotRetried() {
        server.reply(400, "{\"error\": \"Unrecognized or unsupported fields\"}");
        assertThatThrownBy(() -> s2().citations(List.of("2205.14135"))).isInstanceOf(ProviderUnavailable.class)
                .hasMessage("Semantic Scholar answered 400");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void requestsAreSpacedByTheRateLimit() {
        server.reply(200, "[null]");
        SemanticScholar client = s2();
        for (int i = 0; i < 3; i++) {
            client.citations(List.of("2205.14135"));
        }
        List<ReplayServer.Request> r = server.requests();
        assertThat(r).hasSize(3);
        for (int i = 1; i < 3; i++) {
            assertThat(Duration.ofNanos(r.get(i).atNanos() - r.get(i - 1).atNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(CitationReplayResource.S2_WINDOW_MILLIS - 50));
        }
    }

    @Test
    void openAlexFindsWorksByTheirArxivDois() {
        server.reply(200, ReplayServer.resource("openalex-works.json"));
        OpenAlex client = new OpenAlex(URI.create(server.url()), Optional.of("team@example.org"), openAlexApi, JSON,
                LOOPBACK_ALLOWED);
        assertThat(client.citations(List.of("2205.14135", "2307.08691", "2401.00001")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("2205.14135", 1502, "2307.08691", 640));
        URI uri = URI.create(server.requests().get(0).uri());
        assertThat(uri.getPath()).isEqualTo("/works");
        Map<String, String> query = Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query.get("filter")).startsWith("doi:").contains("10.48550/arxiv.2205.14135")
                .contains("|10.48550/arxiv.");
        assertThat(query).containsEntry("select", "doi,cited_by_count").containsEntry("per-page", "50")
                .containsEntry("mailto", "team@example.org");
    }

    @Test
    void anUnreachableProviderLeavesCountsUnknownWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + closedPort);
        SemanticScholarApi api = QuarkusRestClientBuilder.newBuilder().baseUri(closed).build(SemanticScholarApi.class);
        CitationsLookup lookup = new CitationsLookup(
                Optional.of(new SemanticScholar(closed, Optional.empty(), api, JSON, LOOPBACK_ALLOWED)),
                Duration.ofHours(1), Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(lookup.cached("2205.14135").note()).isEqualTo("not fetched yet from Semantic Scholar");
        lookup.refresh(List.of("2205.14135"));
        CitationCount c = lookup.cached("2205.14135");
        assertThat(c.known()).isFalse();
        assertThat(c.note()).startsWith("Semantic Scholar unreachable");
    }

    @Test
    void aProviderOnAnAddressNobodyAllowedIsNeverCalled() {
        server.reply(200, ReplayServer.resource("s2-paper-batch.json"));
        SemanticScholar client = new SemanticScholar(URI.create(server.url() + "/graph/v1"), Optional.empty(), s2Api,
                JSON, new OutboundUrls(List.of()));
        assertThatThrownBy(() -> client.citations(List.of("2205.14135"))).isInstanceOf(ProviderUnavailable.class)
                .hasMessage("Semantic Scholar is not called: outgoing request to 127.0.0.1 refused: 127.0.0.1 is a"
                        + " loopback address (127.0.0.0/8); an admin can allow it with paperstream.outbound.allow");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.reply(302, "", Map.of("Location", "http://169.254.169.254/latest/meta-data/"));
        assertThatThrownBy(() -> s2().citations(List.of("2205.14135"))).isInstanceOf(ProviderUnavailable.class)
                .hasMessage("Semantic Scholar answered 302 (redirects are not followed)");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void cachedCountsAreServedUntilTheyExpire() {
        MutableClock clock = new MutableClock();
        server.reply(200, ReplayServer.resource("s2-paper-batch.json"));
        CitationsLookup lookup = new CitationsLookup(Optional.of(s2()), Duration.ofHours(24), Duration.ofMinutes(5),
                clock);
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

    @Test
    void withoutAProviderEveryCountIsUnknownAndNothingIsAsked() {
        CitationsLookup lookup = new CitationsLookup(Optional.empty(), Duration.ofHours(1), Duration.ofMinutes(5),
                Clock.systemUTC());
        lookup.refresh(List.of("2205.14135"));
        assertThat(lookup.cached("2205.14135")).isEqualTo(CitationCount.unknown("no provider configured"));
        assertThat(server.requests()).isEmpty();
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
