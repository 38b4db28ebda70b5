package dev.paperstream.ingest.arxiv;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polite client, instances of it sharing only the database as pods would, against a local arXiv stand-in. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ArxivClientTest {
    static final FakeArxiv.Reply OK = FakeArxiv.Reply.ok("text/plain", "ok".getBytes());

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ArxivConfig config;
    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @BeforeEach
    @AfterEach
    void clean() throws SQLException {
        FakeArxiv.reset();
        FakeArxiv.forgetBlocksAndBackOffs(dataSource);
    }

    /** A second, independent instance, as another pod would have: it shares only the database. */
    ArxivClient newInstance() {
        return new ArxivClient(new ArxivRateLimiter(dataSource, config.effectiveInterval()), config,
                ArxivContact.userAgent(version, ArxivContact.of(config)));
    }

    static URI at(String path) {
        return URI.create(FakeArxiv.base() + path);
    }

    @Test
    void twoInstancesSendOneRequestAtATimeAtLeastThreeSecondsApartWithoutAnInventedContact() throws Exception {
        FakeArxiv.script("/spacing", OK);
        List<ArxivClient> instances = List.of(newInstance(), newInstance());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (ArxivClient client : instances) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2; i++) {
                        assertThat(client.get(at("/spacing")).status()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        List<FakeArxiv.Request> requests = FakeArxiv.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.inFlight()).isEqualTo(1);
            // no contact is configured in tests, as in a fresh installation: no address at all, never an invented one
            assertThat(r.userAgent()).isEqualTo("Paperstream/" + version).doesNotContain("example").doesNotContain("@");
        });
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).arrivedMillis() - requests.get(i - 1).arrivedMillis();
            assertThat(gap).as("gap before request %d", i).isGreaterThanOrEqualTo(3000);
        }
    }

    /**
     * Starts a request on instance A that gets {@code first}; once it reached arXiv, sends B's request.
     * Answers when A's first request and B's request arrived.
     */
    long[] arrivalsOfAAndOtherInstance(FakeArxiv.Reply first) throws Exception {
        FakeArxiv.script("/a", first, OK);
        FakeArxiv.script("/b", OK);
        CompletableFuture<ArxivResponse> a = CompletableFuture.supplyAsync(() -> newInstance().get(at("/a")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !FakeArxiv.requests().isEmpty());

        assertThat(newInstance().get(at("/b")).status()).isEqualTo(200);
        assertThat(a.get().status()).isEqualTo(200);

        List<FakeArxiv.Request> requests = FakeArxiv.requests();
        assertThat(requests).extracting(FakeArxiv.Request::path).containsExactlyInAnyOrder("/a", "/a", "/b");
        FakeArxiv.Request b = requests.stream().filter(r -> r.path().equals("/b")).findFirst().orElseThrow();
        return new long[] {requests.get(0).arrivedMillis(), b.arrivedMillis()};
    }

    @Test
    void a503RetryAfterReceivedByOneInstanceDelaysTheOtherInstance() throws Exception {
        long[] arrivals = arrivalsOfAAndOtherInstance(FakeArxiv.Reply.status(503, Map.of("Retry-After", "7")));

        // without sharing, B would have waited only the 3 s interval
        assertThat(arrivals[1] - arrivals[0]).isGreaterThanOrEqualTo(7000);
    }

    @Test
    void a429RetryAfterAsAnHttpDateDelaysTheOtherInstance() throws Exception {
        // A's request leaves within the 3 s interval after the previous test's; the date is 10 s from now
        ZonedDateTime retryAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);

        long[] arrivals = arrivalsOfAAndOtherInstance(FakeArxiv.Reply.status(429,
                Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt))));

        assertThat(arrivals[1]).isGreaterThanOrEqualTo(retryAt.toInstant().toEpochMilli());
        assertThat(arrivals[1] - arrivals[0]).isGreaterThan(3000);
    }

    @Test
    void a429WithoutRetryAfterPausesEveryInstanceForTheDefaultBackOff() throws Exception {
        long[] arrivals = arrivalsOfAAndOtherInstance(FakeArxiv.Reply.status(429, Map.of()));

        assertThat(config.tooManyRequestsBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(arrivals[1] - arrivals[0]).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void aServerErrorIsRetriedAndAnAbsurdRetryAfterIsCappedAndFailsRequestsFastForEveryInstance() {
        FakeArxiv.script("/flaky", FakeArxiv.Reply.status(500, Map.of()), OK);
        assertThat(newInstance().get(at("/flaky")).status()).isEqualTo(200);
        assertThat(FakeArxiv.requests()).hasSize(2);

        FakeArxiv.reset();
        FakeArxiv.script("/down", FakeArxiv.Reply.status(503, Map.of("Retry-After", "315360000")));
        assertThatThrownBy(() -> newInstance().get(at("/down")))
                .isInstanceOf(ArxivUnavailableException.class).hasMessageContaining("max-retry-after");
        assertThatThrownBy(() -> newInstance().get(at("/other")))
                .isInstanceOf(ArxivUnavailableException.class)
                .satisfies(e -> assertThat(((ArxivUnavailableException) e).kind())
                        .isEqualTo(ArxivUnavailableException.Kind.BACKING_OFF));
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).containsExactly("/down");

        // ten years asked, six hours (retry-after-cap) kept, shown in the health data
        JsonPath health = given().when().get("/q/health/group/arxiv").then().extract().jsonPath();
        Instant until = Instant.parse(health.getString("checks.find { it.name == 'arxiv-etiquette' }.data.backOffUntil"));
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(6)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(6)));
        assertThat(health.getString("checks.find { it.name == 'arxiv-etiquette' }.status")).isEqualTo("UP");
    }

    @Test
    void a403StopsEveryInstanceAndRaisesTheArxivHealthWarningUntilAnAdminClearsIt() {
        FakeArxiv.script("/forbidden", FakeArxiv.Reply.status(403, Map.of()));
        FakeArxiv.script("/fine", OK);

        assertThatThrownBy(() -> newInstance().get(at("/forbidden")))
                .isInstanceOf(ArxivUnavailableException.class)
                .satisfies(e -> assertThat(((ArxivUnavailableException) e).blocked()).isTrue());
        assertThatThrownBy(() -> newInstance().get(at("/fine"))).hasMessageContaining("until an admin clears it");
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).containsExactly("/forbidden");
        assertThat(etiquetteStatus()).isEqualTo("DOWN");
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/arxiv/block").then().statusCode(200);

        given().header("Authorization", "Bearer test-editor-token").when().delete("/api/arxiv/block")
                .then().statusCode(403);
        given().header("Authorization", "Bearer test-admin-token").when().delete("/api/arxiv/block")
                .then().statusCode(204);
        assertThat(newInstance().get(at("/fine")).status()).isEqualTo(200);
        assertThat(etiquetteStatus()).isEqualTo("UP");
    }

    @Test
    void a403FromThePdfHostStopsTheRssAndApiRequestsAlreadyWaitingAndAllLaterOnes() throws Exception {
        FakeArxiv.script("/pdf/2511.00460v1", FakeArxiv.Reply.status(403, Map.of()));
        FakeArxiv.script("/rss/cs.LG", OK);
        CompletableFuture<ArxivResponse> pdf = CompletableFuture.supplyAsync(
                () -> newInstance().get(URI.create(config.pdfUrl() + "/2511.00460v1")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !FakeArxiv.requests().isEmpty());

        // queued behind the PDF request while arXiv is still answering it
        assertThatThrownBy(() -> newInstance().get(URI.create(config.rssUrl() + "/cs.LG")))
                .hasMessageContaining("403 from " + config.pdfUrl());
        assertThatThrownBy(pdf::get).hasCauseInstanceOf(ArxivUnavailableException.class);
        List<Integer> subscriptions = List.of(subscribe("category", "cs.LG"), subscribe("query", "all:attention"));
        given().header("Authorization", "Bearer test-editor-token").when().post("/api/subscriptions/poll")
                .then().statusCode(200);
        subscriptions.forEach(id -> given().header("Authorization", "Bearer test-editor-token")
                .when().delete("/api/subscriptions/" + id).then().statusCode(204));
        assertThatThrownBy(() -> newInstance().get(URI.create(config.apiUrl() + "?search_query=all:attention")))
                .isInstanceOf(ArxivUnavailableException.class);
        given().header("Authorization", "Bearer test-editor-token").when().post("/api/harvests/oai?set=cs")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("403 from " + config.pdfUrl()));
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).containsExactly("/pdf/2511.00460v1");

        given().header("Authorization", "Bearer test-admin-token").when().delete("/api/arxiv/block")
                .then().statusCode(204);
        assertThat(newInstance().get(URI.create(config.rssUrl() + "/cs.LG")).status()).isEqualTo(200);
    }

    static int subscribe(String kind, String value) {
        return given().header("Authorization", "Bearer test-editor-token").contentType("application/json")
                .body(Map.of("team", "kernels", "kind", kind, "value", value))
                .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    static String etiquetteStatus() {
        return given().when().get("/q/health/group/arxiv").then().extract().jsonPath()
                .getString("checks.find { it.name == 'arxiv-etiquette' }.status");
    }
}
