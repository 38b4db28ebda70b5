package dev.paperstream.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.ingest.feed.ArxivApiErrorException;
import dev.paperstream.ingest.feed.FeedPage;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class ArxivQueryApiTest {
    static final String ATOM = "application/atom+xml; charset=utf-8";

    @Inject
    ArxivQueryApi api;

    @BeforeEach
    void clean() {
        FakeArxiv.reset();
    }

    @Test
    void harvestFollowsThePagesUntilTheTotalArxivReports() {
        FakeArxiv.script("/api/query", FakeArxiv.Reply.ok(ATOM, FakeArxiv.resource("/atom/query-page-1.xml")),
                FakeArxiv.Reply.ok(ATOM, FakeArxiv.resource("/atom/query-page-2.xml")));
        List<PaperDiscovered> papers = new ArrayList<>();

        ArxivQueryApi.Harvest harvest = api.harvest("ti:\"flash attention\"", 2, 100, p -> papers.addAll(p.papers()));

        assertThat(harvest).isEqualTo(new ArxivQueryApi.Harvest(2, 3, 3));
        assertThat(papers).extracting(PaperDiscovered::versionedId)
                .containsExactly("2511.00103v1", "2511.00102v1", "2511.00101v2");
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::query).containsExactly(
                "search_query=ti%3A%22flash+attention%22&start=0&max_results=2&sortBy=submittedDate&sortOrder=descending",
                "search_query=ti%3A%22flash+attention%22&start=2&max_results=2&sortBy=submittedDate&sortOrder=descending");
    }

    @Test
    void anEmptyResultIsOnePageWithNothingInIt() {
        FakeArxiv.script("/api/query", FakeArxiv.Reply.ok(ATOM, FakeArxiv.resource("/atom/query-empty.xml")));
        List<FeedPage> pages = new ArrayList<>();

        assertThat(api.harvest("ti:nothing", 100, 1000, pages::add)).isEqualTo(new ArxivQueryApi.Harvest(1, 0, 0));
        assertThat(pages).isEmpty();
    }

    @Test
    void theErrorFeedWithStatus400BecomesArxivsMessage() {
        FakeArxiv.script("/api/query", new FakeArxiv.Reply(400, ATOM, FakeArxiv.resource("/atom/error-feed.xml"),
                Map.of()));
        assertThatThrownBy(() -> api.page("id:1234.12345", 0, 10))
                .isInstanceOf(ArxivApiErrorException.class)
                .hasMessageContaining("incorrect id format for 1234.12345");
        assertThatThrownBy(() -> api.page("all:x", 0, 2001)).hasMessageContaining("max_results must be 1..2000");
    }
}
