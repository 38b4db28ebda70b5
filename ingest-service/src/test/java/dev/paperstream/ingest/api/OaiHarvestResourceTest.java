package dev.paperstream.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.ingest.arxiv.FakeArxiv;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeArxiv.class)
class OaiHarvestResourceTest {
    static final String XML = "text/xml";

    static RequestSpecification editor() {
        return given().header("Authorization", "Bearer test-editor-token");
    }

    static FakeArxiv.Reply page(String name) {
        return FakeArxiv.Reply.ok(XML, FakeArxiv.resource("/oai/" + name));
    }

    @BeforeEach
    void clean() {
        FakeArxiv.reset();
    }

    @Test
    void aHarvestFollowsResumptionTokensAndKeepsTheResponseDateForTheNextIncrementalRun() {
        FakeArxiv.script("/oai", page("arxivraw-page.xml"), page("arxiv-format-page.xml"), page("no-records-match.xml"));

        editor().when().post("/api/harvests/oai?set=cs&metadataPrefix=arXivRaw")
                .then().statusCode(200).body("pages", equalTo(2)).body("resumptionToken", equalTo(""))
                .body("nextFrom", equalTo("2025-11-20")).body("rejected", equalTo(1));
        editor().when().post("/api/harvests/oai?set=cs&metadataPrefix=arXivRaw")
                .then().statusCode(200).body("pages", equalTo(1)).body("accepted", equalTo(0));

        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::query).containsExactly(
                "verb=ListRecords&metadataPrefix=arXivRaw&set=cs",
                "verb=ListRecords&resumptionToken=7154513%7C1001",
                "verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2025-11-20");
    }

    @Test
    void aStoppedHarvestResumesFromItsTokenAndAnExpiredTokenRestartsFromTheCheckpoint() {
        FakeArxiv.script("/oai", page("arxivraw-page.xml"));
        editor().when().post("/api/harvests/oai?set=math&metadataPrefix=arXivRaw&maxPages=1")
                .then().statusCode(200).body("resumptionToken", equalTo("7154513|1001"));

        FakeArxiv.reset();
        FakeArxiv.script("/oai", page("bad-resumption-token.xml"), page("no-records-match.xml"));
        editor().when().post("/api/harvests/oai?set=math&metadataPrefix=arXivRaw")
                .then().statusCode(200).body("restarted", equalTo(true)).body("resumptionToken", equalTo(""));
        assertThat(FakeArxiv.requests()).extracting(FakeArxiv.Request::query).containsExactly(
                "verb=ListRecords&resumptionToken=7154513%7C1001",
                "verb=ListRecords&metadataPrefix=arXivRaw&set=math");
    }

    @Test
    void anUnknownFormatIsABadRequest() {
        editor().when().post("/api/harvests/oai?metadataPrefix=marc21").then().statusCode(400)
                .body("detail", containsString("arXivRaw"));
    }
}
