package dev.paperstream.ingest.grobid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.pdf.TestPdfs;
import dev.paperstream.support.net.OutboundUrls;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GROBID client against a local server that replays real GROBID TEI (or ours when realdata is absent). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class GrobidClientTest {
    static final String PATH = "/grobid/api/processFulltextDocument";

    @Inject
    GrobidConfig config;

    @Inject
    OutboundUrls outbound;

    @Inject
    @RestClient
    GrobidApi api;

    @BeforeEach
    void clean() {
        FakeArxiv.reset();
    }

    GrobidClient client() {
        return new GrobidClient(URI.create(FakeArxiv.base() + "/grobid"), api, config, outbound);
    }

    @Test
    void aGrobidOnAnAddressNobodyAllowedIsNeverCalled() throws IOException {
        FakeArxiv.script(PATH, FakeArxiv.Reply.ok("application/xml", tei()));
        GrobidClient client = new GrobidClient(URI.create(FakeArxiv.base() + "/grobid"), api, config,
                new OutboundUrls(List.of()));

        assertThatThrownBy(() -> client.processFulltext(TestPdfs.paper()))
                .isInstanceOf(GrobidClient.GrobidUnavailableException.class)
                .hasMessageContaining("is not called: outgoing request to")
                .hasMessageContaining("a loopback address (127.0.0.0/8); an admin can allow it with paperstream.outbound.allow");
        assertThat(FakeArxiv.requests()).isEmpty();
    }

    static byte[] tei() throws IOException {
        String dir = System.getProperty("paperstream.realdata.dir");
        Path real = dir == null ? null : Path.of(dir, "D-grobid-tei",
                "grobid-0.8.0_fulltext_62-Article-Text-140-1-10-20190621.grobid.tei.xml");
        return real != null && Files.exists(real) ? Files.readAllBytes(real)
                : FakeArxiv.resource("/tei/tiled-attention.tei.xml");
    }

    @Test
    void a503IsWaitedOutAndTheReplayedTeiIsParsed() throws IOException {
        FakeArxiv.script(PATH, FakeArxiv.Reply.status(503, Map.of("Retry-After", "1")),
                FakeArxiv.Reply.ok("application/xml", tei()));

        TeiParser.Structure s = client().processFulltext(TestPdfs.paper());

        assertThat(s.parser()).isEqualTo("grobid 0.8.0");
        assertThat(s.sections()).isNotEmpty();
        List<FakeArxiv.Request> requests = FakeArxiv.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).arrivedMillis() - requests.get(0).arrivedMillis()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void noMoreThanTheConfiguredNumberOfDocumentsAreInFlight() throws Exception {
        FakeArxiv.script(PATH, FakeArxiv.Reply.ok("application/xml", tei()));
        GrobidClient client = client();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<TeiParser.Structure>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> client.processFulltext(TestPdfs.paper())));
            }
            for (Future<TeiParser.Structure> run : runs) {
                assertThat(run.get().sections()).isNotEmpty();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(FakeArxiv.requests()).hasSize(6)
                .allSatisfy(r -> assertThat(r.inFlight()).isLessThanOrEqualTo(config.maxConcurrency()));
    }

    @Test
    void anErrorOtherThan503IsNotRetried() {
        FakeArxiv.script(PATH, FakeArxiv.Reply.status(500, Map.of()));
        assertThatThrownBy(() -> client().processFulltext(TestPdfs.paper()))
                .isInstanceOf(GrobidClient.GrobidUnavailableException.class).hasMessageContaining("500");
        assertThat(FakeArxiv.requests()).hasSize(1);
    }

    @Test
    void aGrobidThatStaysBusyIsUnavailableAfterThreeRetries() {
        FakeArxiv.script(PATH, FakeArxiv.Reply.status(503, Map.of("Retry-After", "0")));
        assertThatThrownBy(() -> client().processFulltext(TestPdfs.paper()))
                .isInstanceOf(GrobidClient.GrobidUnavailableException.class)
                .hasMessage("GROBID answered 503 (Retry-After 0 s) for processFulltextDocument, and still after its retries");
        assertThat(FakeArxiv.requests()).hasSize(4);
    }
}
