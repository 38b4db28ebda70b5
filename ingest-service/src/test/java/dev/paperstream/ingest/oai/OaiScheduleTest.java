package dev.paperstream.ingest.oai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.ingest.arxiv.ArxivContact;
import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.ingest.arxiv.LogCapture;
import dev.paperstream.ingest.store.OaiHarvestRepository;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduled harvest of configured sets, called as the scheduler calls it, against the fake arXiv. */
@QuarkusTest
@TestProfile(OaiScheduleTest.TwoSets.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class OaiScheduleTest {
    public static class TwoSets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.oai.sets", "cs,math", "paperstream.oai.max-pages", "1");
        }
    }

    @Inject
    OaiSchedule schedule;
    @Inject
    OaiHarvestRepository checkpoints;
    @Inject
    OaiHarvestLock locks;
    @Inject
    AgroalDataSource dataSource;

    static FakeArxiv.Reply page(String name) {
        return FakeArxiv.Reply.ok("text/xml", FakeArxiv.resource("/oai/" + name));
    }

    static List<String> queries() {
        return FakeArxiv.requests().stream().map(FakeArxiv.Request::query).toList();
    }

    @BeforeEach
    void clean() throws SQLException {
        FakeArxiv.reset();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("DELETE FROM oai_harvest");
        }
    }

    @Test
    void eachRunResumesEverySetFromItsStoredCheckpoint() {
        FakeArxiv.script("/oai", page("arxivraw-page.xml"), page("no-records-match.xml"));
        List<OaiSchedule.Outcome> first = schedule.harvestConfiguredSets();

        assertThat(first).extracting(OaiSchedule.Outcome::set).containsExactly("cs", "math");
        assertThat(first.get(0).harvest().resumptionToken()).isEqualTo("7154513|1001");
        assertThat(first.get(0).harvest().accepted()).isPositive();
        assertThat(queries()).containsExactly("verb=ListRecords&metadataPrefix=arXivRaw&set=cs",
                "verb=ListRecords&metadataPrefix=arXivRaw&set=math");

        // a new run knows only what is stored, as after a restart
        FakeArxiv.reset();
        FakeArxiv.script("/oai", page("arxiv-format-page.xml"), page("no-records-match.xml"));
        List<OaiSchedule.Outcome> second = schedule.harvestConfiguredSets();

        assertThat(queries()).containsExactly("verb=ListRecords&resumptionToken=7154513%7C1001",
                "verb=ListRecords&metadataPrefix=arXivRaw&set=math&from=2025-11-22");
        assertThat(second.get(0).harvest().resumptionToken()).isEmpty();
        assertThat(second.get(0).harvest().nextFrom()).isEqualTo("2025-11-20");
        assertThat(checkpoints.checkpoint("cs:arXivRaw").nextFrom()).isEqualTo("2025-11-20");
    }

    @Test
    void theScheduledRunDoesNotHarvestWithoutAnOperatorContactAndSaysWhy() {
        FakeArxiv.script("/oai", page("no-records-match.xml"));
        try (LogCapture log = LogCapture.of(ArxivContact.class)) {
            schedule.scheduled();

            assertThat(FakeArxiv.requests()).isEmpty();
            assertThat(log.messages()).containsExactly("the scheduled OAI-PMH harvest does not run: "
                    + ArxivContact.MISSING);
        }
    }

    @Test
    void a503IsWaitedOutAndAnExpiredTokenRestartsFromTheCheckpointDate() {
        checkpoints.save("cs:arXivRaw", "cs", "arXivRaw", new OaiHarvestRepository.Checkpoint("2025-11-01", "expired|5", 10));
        FakeArxiv.script("/oai", FakeArxiv.Reply.status(503, Map.of("Retry-After", "5")),
                page("bad-resumption-token.xml"), page("arxiv-format-page.xml"), page("no-records-match.xml"));

        List<OaiSchedule.Outcome> outcomes = schedule.harvestConfiguredSets();

        assertThat(outcomes.get(0).error()).isNull();
        assertThat(outcomes.get(0).harvest().restarted()).isTrue();
        assertThat(queries()).containsExactly("verb=ListRecords&resumptionToken=expired%7C5",
                "verb=ListRecords&resumptionToken=expired%7C5",
                "verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2025-11-01",
                "verb=ListRecords&metadataPrefix=arXivRaw&set=math");
        List<FakeArxiv.Request> requests = FakeArxiv.requests();
        assertThat(requests.get(1).arrivedMillis() - requests.get(0).arrivedMillis()).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void aSetThatAnotherInstanceIsHarvestingIsSkippedAndTheManualHarvestIsAConflict() {
        FakeArxiv.script("/oai", page("no-records-match.xml"));
        // what another instance holds while it harvests cs
        try (OaiHarvestLock.Lease other = locks.tryLock("cs:arXivRaw").orElseThrow()) {
            assertThat(locks.tryLock("cs:arXivRaw")).isEmpty();

            List<OaiSchedule.Outcome> outcomes = schedule.harvestConfiguredSets();

            assertThat(outcomes.get(0).skipped()).contains("already running");
            assertThat(outcomes.get(1).harvest().pages()).isEqualTo(1);
            assertThat(queries()).containsExactly("verb=ListRecords&metadataPrefix=arXivRaw&set=math");
            given().header("Authorization", "Bearer test-editor-token")
                    .when().post("/api/harvests/oai?set=cs&metadataPrefix=arXivRaw")
                    .then().statusCode(409);
        }

        FakeArxiv.reset();
        FakeArxiv.script("/oai", page("no-records-match.xml"));
        assertThat(schedule.harvestConfiguredSets()).allSatisfy(o -> assertThat(o.harvest()).isNotNull());
        assertThat(queries()).first().isEqualTo("verb=ListRecords&metadataPrefix=arXivRaw&set=cs");
    }
}
