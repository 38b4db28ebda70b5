package dev.paperstream.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import dev.paperstream.events.EventContract;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.PaperDiscovered;
import dev.paperstream.events.PaperScored;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schemas against the record classes in this module: what the records write is valid,
 * the schemas name the same properties, required fields, types and enum values, and a payload that breaks
 * the contract is refused by a real draft 2020-12 validator.
 */
class EventSchemasTest {
    private static final long SEED = System.nanoTime();
    private final RandomEvents random = new RandomEvents(SEED);

    @Test
    void everyEventTypeHasADraft2020SchemaTitledWithItsCloudEventsType() {
        for (EventType type : EventType.values()) {
            JsonNode schema = Contract.schemaTree(type);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("title").asText()).isEqualTo(type.ceType());
            String path = EventContract.schemaResource(type).substring("contract/".length());
            assertThat(schema.path("$id").asText()).isEqualTo(Contract.ID_PREFIX + path);
        }
    }

    @Test
    void whatTheRecordsWriteMatchesTheirSchema() {
        for (EventType type : EventType.values()) {
            JsonSchema schema = Contract.schema(type);
            for (int i = 0; i < 40; i++) {
                String json = EventJson.write(random.of(type));
                assertThat(Contract.errors(schema, Contract.tree(json)))
                        .as("%s (seed %d): %s", type, SEED, json.length() > 2000 ? json.substring(0, 2000) : json)
                        .isEmpty();
            }
        }
    }

    @Test
    void theSchemasNameTheRecordsPropertiesRequiredFieldsTypesAndEnumValues() {
        for (EventType type : EventType.values()) {
            assertThat(SchemaMirror.differences(type.payloadType(), Contract.schemaTree(type))).as(type.name()).isEmpty();
        }
    }

    @Test
    void theMirrorNoticesARecordFieldTheSchemaLacks() {
        ObjectNode schema = (ObjectNode) Contract.schemaTree(EventType.PAPER_SCORED);
        ((ObjectNode) schema.get("properties")).remove("citations");
        ((ObjectNode) schema.get("properties").get("priority")).putArray("enum").add("HIGH").add("LOW");
        assertThat(SchemaMirror.differences(PaperScored.class, schema)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("citations"))
                .anySatisfy(p -> assertThat(p).contains("PaperScored.priority").contains("MEDIUM"));
    }

    @Test
    void aPaperWithoutTitleIsRefused() {
        ObjectNode paper = discoveredJson();
        paper.remove("title");
        assertThat(errors(paper)).singleElement().asString().contains("title");
    }

    @Test
    void aTitleOverTheImportLimitIsRefusedAndOneAtTheLimitAccepted() {
        ObjectNode paper = discoveredJson();
        paper.put("title", "T".repeat(1000));
        assertThat(errors(paper)).isEmpty();
        paper.put("title", "T".repeat(1001));
        assertThat(errors(paper)).singleElement().asString().contains("/title").contains("at most");
    }

    @Test
    void aVersionedIdAnUnknownSourceANullAndAMalformedDateAreRefused() {
        ObjectNode paper = discoveredJson();
        paper.put("id", "2307.08691v2");
        paper.put("source", "carrier-pigeon");
        paper.putNull("primaryCategory");
        paper.put("published", "yesterday");
        assertThat(errors(paper)).hasSize(4)
                .anySatisfy(e -> assertThat(e).contains("/id"))
                .anySatisfy(e -> assertThat(e).contains("/source"))
                .anySatisfy(e -> assertThat(e).contains("/primaryCategory"))
                .anySatisfy(e -> assertThat(e).contains("/published"));
    }

    @Test
    void anUnknownPriorityAndARelevanceOutOfRangeAreRefused() {
        ObjectNode scored = (ObjectNode) Contract.tree(EventJson.write(random.scored()));
        scored.put("priority", "URGENT");
        scored.put("relevance", 6);
        assertThat(Contract.errors(Contract.schema(EventType.PAPER_SCORED), scored)).hasSize(2)
                .anySatisfy(e -> assertThat(e).contains("/priority"))
                .anySatisfy(e -> assertThat(e).contains("/relevance"));
    }

    @Test
    void propertiesANewerProducerAddsAreAcceptedAsTheRecordsIgnoreThem() {
        ObjectNode paper = discoveredJson();
        paper.putObject("addedLater").put("nested", true);
        ((ObjectNode) paper.get("links")).put("slides", "https://example.org/slides");
        assertThat(errors(paper)).isEmpty();
        assertThat(EventJson.read(paper.toString(), PaperDiscovered.class).title()).isEqualTo(paper.get("title").asText());
    }

    private ObjectNode discoveredJson() {
        return (ObjectNode) Contract.tree(EventJson.write(random.discovered()));
    }

    private static List<String> errors(JsonNode paper) {
        return Contract.errors(Contract.schema(EventType.PAPER_DISCOVERED), paper);
    }
}
