package dev.paperstream.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.paperstream.events.EventContract;
import dev.paperstream.events.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published contract as the tests read it: schemas loaded by a real draft 2020-12 validator, from the
 * class path, with {@code $id}s and relative {@code $ref}s resolved there (never over the network).
 */
final class Contract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ID_PREFIX = "https://paperstream.dev/contract/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:contract/")));
    // date-time and the other formats are checked, not only annotated
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private Contract() {
    }

    static JsonSchema schema(EventType type) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + EventContract.schemaResource(type)), CONFIG);
    }

    /** A schema inside the AsyncAPI document, by JSON pointer, its {@code $ref}s resolved from the document. */
    static JsonSchema asyncApiSchema(String pointer) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + EventContract.ASYNCAPI + "#" + pointer), CONFIG);
    }

    static JsonSchema schema(JsonNode node) {
        return FACTORY.getSchema(node, CONFIG);
    }

    static List<String> errors(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schemaTree(EventType type) {
        return tree(EventContract.read(EventContract.schemaResource(type)));
    }

    static JsonNode asyncApi() {
        return tree(EventContract.read(EventContract.ASYNCAPI));
    }
}
