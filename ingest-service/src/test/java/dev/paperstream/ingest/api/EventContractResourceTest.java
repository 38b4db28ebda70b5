package dev.paperstream.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperstream.events.EventType;
import dev.paperstream.ingest.imports.FieldLimits;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event contract as a client fetches it from a running service, without a token: the AsyncAPI
 * document, and every schema it refers to at the address its relative reference resolves to.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EventContractResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FieldLimits limits;

    @Test
    void theAsyncApiDocumentAndEverySchemaItRefersToAreServed() throws IOException {
        JsonNode doc = JSON.readTree(given().when().get("/api/contract/asyncapi.json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asByteArray());
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> served = new ArrayList<>();
        for (JsonNode message : doc.at("/components/messages")) {
            String ref = message.at("/payload/schema/$ref").asText();
            if (ref.isEmpty()) {
                continue; // the dead-letter message carries the original value, whatever it is
            }
            JsonNode schema = JSON.readTree(given().when().get("/api/contract/" + ref).then().statusCode(200)
                    .contentType(startsWith("application/schema+json")).extract().asByteArray());
            assertThat(schema.path("title").asText()).isEqualTo(message.path("name").asText());
            served.add(schema.path("title").asText());
        }
        assertThat(served).containsExactlyInAnyOrder(
                Arrays.stream(EventType.values()).map(EventType::ceType).toArray(String[]::new));
    }

    @Test
    void theIndexNamesTheDocumentAndTheSchemaOfEveryEventType() {
        given().when().get("/api/contract").then().statusCode(200)
                .body("asyncapi", equalTo("/api/contract/asyncapi.json"))
                .body("schemas.'paperstream.paper.discovered.v1'", equalTo("/api/contract/schemas/paper.discovered.v1.json"))
                .body("schemas.size()", equalTo(EventType.values().length));
    }

    @Test
    void theServedDiscoveredSchemaStatesTheImportLimitsThisIngestEnforces() throws IOException {
        JsonNode schema = JSON.readTree(given().when().get("/api/contract/schemas/paper.discovered.v1.json")
                .then().statusCode(200).extract().asByteArray());
        JsonNode properties = schema.path("properties");
        assertThat(properties.at("/title/maxLength").asInt()).isEqualTo(limits.titleLength());
        assertThat(properties.at("/abstract/maxLength").asInt()).isEqualTo(limits.abstractLength());
        assertThat(properties.at("/comment/maxLength").asInt()).isEqualTo(limits.commentLength());
        assertThat(properties.at("/journalRef/maxLength").asInt()).isEqualTo(limits.journalRefLength());
        assertThat(properties.at("/doi/maxLength").asInt()).isEqualTo(limits.doiLength());
        assertThat(properties.at("/authors/maxItems").asInt()).isEqualTo(limits.authors());
        assertThat(properties.at("/authors/items/maxLength").asInt()).isEqualTo(limits.authorNameLength());
        assertThat(properties.at("/categories/maxItems").asInt()).isEqualTo(limits.categories());
        assertThat(properties.at("/categories/items/maxLength").asInt()).isEqualTo(limits.categoryLength());
        assertThat(properties.at("/primaryCategory/maxLength").asInt()).isEqualTo(limits.categoryLength());
        assertThat(schema.at("/$defs/links/properties/code/maxItems").asInt()).isEqualTo(limits.codeLinks());
        assertThat(schema.at("/$defs/links/properties/code/items/maxLength").asInt()).isEqualTo(limits.codeLinkLength());
    }

    @Test
    void anUnknownSchemaIsAProblemThatNamesTheKnownOnes() {
        given().when().get("/api/contract/schemas/paper.discovered.v9.json").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("no event schema 'paper.discovered.v9'"))
                .body("detail", containsString("paper.discovered.v1"));
    }
}
