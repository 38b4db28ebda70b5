package dev.paperstream.ingest.arxiv;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;

import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ArxivClientTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ArxivConfig config;
    @Inject
    ArxivRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void clean() {
        FakeArxiv.reset();
        limiter.unblock();
    }

    /** A second, independent instance, as another pod would have: it shares only the database. */
    ArxivClient newInstance() {
        return new ArxivClient(new ArxivRateLimiter(dataSource, config.effectiveInterval()), config);
    }

    @Test
    void twoInstancesSendOneRequestAtATimeAtLeastThreeSecondsApart() throws Exception {
        FakeArxiv.script("/spacing", FakeArxiv.Reply.ok("text/plain", "ok".getBytes()));
        URI uri = URI.create(FakeArxiv.base() + "/spacing");
        List<ArxivClient> instances = List.of(newInstance(), newInstance());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (ArxivClient client : instances) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2; i++) {
                        assertThat(client.get(uri).status()).isEqualTo(200);
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
            assertThat(r.userAgent()).contains("Paperstream").contains("mailto:" + config.contact());
        });
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).arrivedMillis() - requests.get(i - 1).arrivedMillis();
            assertThat(gap).as("gap before request %d", i).isGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void a503WithRetryAfterIsWaitedOutAndRetried() {
        FakeArxiv.script("/busy", FakeArxiv.Reply.status(503, Map.of("Retry-After", "4")),
                FakeArxiv.Reply.ok("text/plain", "ok".getBytes()));

        ArxivResponse response = newInstance().get(URI.create(FakeArxiv.base() + "/busy"));

        assertThat(response.status()).isEqualTo(200);
        List<FakeArxiv.Request> requests = FakeArxiv.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).arrivedMillis() - requests.get(0).arrivedMillis()).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void aServerErrorIsRetriedAfterABackOffAndGivenUpAfterTheLastAttempt() {
        FakeArxiv.script("/flaky", FakeArxiv.Reply.status(500, Map.of()),
                FakeArxiv.Reply.ok("text/plain", "ok".getBytes()));
        assertThat(newInstance().get(URI.create(FakeArxiv.base() + "/flaky")).status()).isEqualTo(200);
        assertThat(FakeArxiv.requests()).hasSize(2);

        FakeArxiv.reset();
        FakeArxiv.script("/down", FakeArxiv.Reply.status(503, Map.of("Retry-After", "86400")));
        assertThatThrownBy(() -> newInstance().get(URI.create(FakeArxiv.base() + "/down")))
                .isInstanceOf(ArxivUnavailableException.class).hasMessageContaining("max-retry-after");
        assertThat(FakeArxiv.requests()).hasSize(1);
    }

    @Test
    void a403StopsEveryInstanceAndRaisesTheArxivHealthWarningUntilAnAdminClearsIt() {
        FakeArxiv.script("/forbidden", FakeArxiv.Reply.status(403, Map.of()));
        FakeArxiv.script("/fine", FakeArxiv.Reply.ok("text/plain", "ok".getBytes()));

        assertThatThrownBy(() -> newInstance().get(URI.create(FakeArxiv.base() + "/forbidden")))
                .isInstanceOf(ArxivUnavailableException.class)
                .satisfies(e -> assertThat(((ArxivUnavailableException) e).blocked()).isTrue());
        assertThatThrownBy(() -> newInstance().get(URI.create(FakeArxiv.base() + "/fine")))
                .hasMessageContaining("polling is stopped");
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::path).containsExactly("/forbidden");
        given().when().get("/q/health/group/arxiv").then().statusCode(503)
                .body("checks.name", hasItem("arxiv-etiquette"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/arxiv/block").then().statusCode(200);

        given().header("Authorization", "Bearer test-editor-token").when().delete("/api/arxiv/block")
                .then().statusCode(403);
        given().header("Authorization", "Bearer test-admin-token").when().delete("/api/arxiv/block")
                .then().statusCode(204);
        assertThat(newInstance().get(URI.create(FakeArxiv.base() + "/fine")).status()).isEqualTo(200);
        given().when().get("/q/health/group/arxiv").then().statusCode(200);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(ArxivClient.parseRetryAfter("7")).contains(java.time.Duration.ofSeconds(7));
        assertThat(ArxivClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(java.time.Duration.ZERO);
        assertThat(ArxivClient.parseRetryAfter("soon")).isEmpty();
    }
}
