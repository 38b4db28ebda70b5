package dev.paperstream.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperstream.events.EventContract;
import dev.paperstream.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each schema against its published snapshot ({@code src/test/resources/contract/published/}, the schemas
 * as they were released): a change that would break a consumer fails the build. The rule is
 * {@link SchemaCompatibility}'s; the snapshot is updated only together with a new version.
 */
class SchemaCompatibilityTest {
    private static final String PUBLISHED = "contract/published/";

    @Test
    void everySchemaIsCompatibleWithItsPublishedSnapshot() {
        for (EventType type : EventType.values()) {
            JsonNode published = published(EventContract.schemaName(type));
            assertThat(published).as("%s has no published snapshot: a new event type is published by copying its"
                    + " schema to events/src/test/resources/%s", type.ceType(), PUBLISHED).isNotNull();
            assertThat(SchemaCompatibility.breakingChanges(published, Contract.schemaTree(type)))
                    .as("%s would break its consumers; make it a new version instead", type.ceType()).isEmpty();
        }
    }

    @Test
    void noPublishedEventTypeHasDisappeared() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource(PUBLISHED).toURI());
        TreeSet<String> published = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> published.add(f.getFileName().toString().replace(".json", "")));
        }
        assertThat(new TreeSet<>(EventContract.schemaNames())).containsAll(published);
    }

    @Test
    void everyObjectInEverySchemaStaysOpenToPropertiesANewerProducerAdds() {
        for (EventType type : EventType.values()) {
            assertOpen(Contract.schemaTree(type), type.ceType());
        }
    }

    @Test
    void wordingAndANewOptionalPropertyAreCompatible() {
        ObjectNode current = discovered();
        current.put("description", "reworded");
        ((ObjectNode) current.get("properties")).putObject("license").put("type", "string").put("maxLength", 200);
        ((ObjectNode) current.at("/$defs/links/properties")).putObject("slides").put("type", "string");
        assertThat(SchemaCompatibility.breakingChanges(discovered(), current)).isEmpty();
    }

    @Test
    void everyChangeThatBreaksAConsumerIsReportedWithWhereItIs() {
        assertBreaks(s -> ((ObjectNode) s.get("properties")).remove("doi"), "/properties/doi", "removed property");
        assertBreaks(s -> ((ArrayNode) s.get("required")).add("doi"), "/", "required");
        assertBreaks(s -> ((ArrayNode) s.get("required")).remove(0), "/", "required");
        assertBreaks(s -> ((ObjectNode) s.at("/properties/version")).put("type", "number"), "/properties/version", "type");
        assertBreaks(s -> ((ObjectNode) s.at("/properties/title")).put("maxLength", 500), "/properties/title", "maxLength");
        assertBreaks(s -> ((ObjectNode) s.at("/properties/title")).put("maxLength", 2000), "/properties/title", "maxLength");
        assertBreaks(s -> ((ObjectNode) s.at("/properties/title")).put("minLength", 1), "/properties/title", "added minLength");
        assertBreaks(s -> ((ArrayNode) s.at("/properties/source/enum")).add("email"), "/properties/source", "enum");
        assertBreaks(s -> ((ArrayNode) s.at("/properties/source/enum")).remove(0), "/properties/source", "enum");
        assertBreaks(s -> ((ObjectNode) s.at("/properties/authors")).remove("items"), "/properties/authors", "dropped items");
        assertBreaks(s -> ((ObjectNode) s.at("/properties/authors/items")).put("maxLength", 301),
                "/properties/authors/items", "maxLength");
        assertBreaks(s -> ((ObjectNode) s.at("/$defs/links/properties")).remove("pdf"), "/$defs/links/properties/pdf",
                "removed property");
        assertBreaks(s -> ((ObjectNode) s.at("/$defs/links")).put("additionalProperties", false),
                "/$defs/links/additionalProperties",
                "changed from true to false");
    }

    @Test
    void reorderingRequiredOrEnumValuesChangesNothing() {
        ObjectNode current = discovered();
        ArrayNode required = (ArrayNode) current.get("required");
        required.add(required.remove(0));
        ArrayNode sources = (ArrayNode) current.at("/properties/source/enum");
        sources.add(sources.remove(0));
        assertThat(SchemaCompatibility.breakingChanges(discovered(), current)).isEmpty();
    }

    private static void assertBreaks(Consumer<ObjectNode> change, String where, String what) {
        ObjectNode current = discovered();
        change.accept(current);
        List<String> problems = SchemaCompatibility.breakingChanges(discovered(), current);
        assertThat(problems).as(where + " " + what).singleElement().asString().startsWith(where + ": ").contains(what);
    }

    private static ObjectNode discovered() {
        return (ObjectNode) published(EventContract.schemaName(EventType.PAPER_DISCOVERED));
    }

    private static void assertOpen(JsonNode schema, String path) {
        if (schema.isObject() && "object".equals(schema.path("type").asText())) {
            assertThat(schema.path("additionalProperties").asBoolean(false))
                    .as(path + " must say additionalProperties: true").isTrue();
        }
        schema.fields().forEachRemaining(e -> assertOpen(e.getValue(), path + "/" + e.getKey()));
        if (schema.isArray()) {
            for (int i = 0; i < schema.size(); i++) {
                assertOpen(schema.get(i), path + "/" + i);
            }
        }
    }

    private static JsonNode published(String name) {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader()
                .getResourceAsStream(PUBLISHED + name + ".json")) {
            return in == null ? null : Contract.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
