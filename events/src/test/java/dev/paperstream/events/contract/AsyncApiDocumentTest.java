package dev.paperstream.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperstream.events.CloudEventHeaders;
import dev.paperstream.events.EventContract;
import dev.paperstream.events.EventJson;
import dev.paperstream.events.EventType;
import dev.paperstream.events.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document is well formed, every reference in it resolves, and it describes what the code
 * does: a channel per topic of {@link Topics}, a message per {@link EventType} with its schema, a
 * dead-letter channel per consumer, and examples that the schemas and the records accept.
 */
class AsyncApiDocumentTest {
    private final JsonNode doc = Contract.asyncApi();

    @Test
    void isAnAsyncApi3DocumentWithInfoAndAKafkaServer() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("defaultContentType").asText()).isEqualTo("application/json");
        assertThat(doc.path("servers")).isNotEmpty()
                .allSatisfy(server -> assertThat(server.path("protocol").asText()).isEqualTo("kafka"));
        for (String section : List.of("channels", "operations", "components")) {
            assertThat(doc.path(section).isObject()).as(section).isTrue();
        }
        doc.path("operations").forEach(op -> assertThat(op.path("action").asText()).isIn("send", "receive"));
        doc.path("channels").forEach(channel -> assertThat(channel.path("address").asText()).isNotBlank());
    }

    @Test
    void everyReferenceResolvesInTheDocumentOrToASchemaFileBesideIt() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).hasSizeGreaterThan(20);
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(getClass().getClassLoader().getResource("contract/" + ref)).as(ref).isNotNull();
            }
        }
    }

    @Test
    void everyEventTypeHasAMessageWithItsCloudEventsTypeSchemaAndChannel() {
        for (EventType type : EventType.values()) {
            String name = messageName(type);
            JsonNode message = doc.path("components").path("messages").path(name);
            assertThat(message.path("name").asText()).isEqualTo(type.ceType());
            assertThat(message.path("payload").path("schema").path("$ref").asText())
                    .isEqualTo(EventContract.schemaResource(type).substring("contract/".length()));
            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText()).isEqualTo(type.ceType());
            JsonNode channel = channelAt(type.topic());
            assertThat(channel.path("messages").path(name).path("$ref").asText())
                    .isEqualTo("#/components/messages/" + name);
        }
    }

    @Test
    void theCloudEventsHeadersAreThoseTheOutboxWrites() {
        JsonNode headers = doc.at("/components/schemas/cloudEventHeaders");
        List<String> required = new ArrayList<>();
        headers.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).containsExactlyInAnyOrder(CloudEventHeaders.ID,
                CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TIME,
                CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.at("/properties/ce_specversion/const").asText())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(headers.at("/properties/content-type/const").asText())
                .isEqualTo(CloudEventHeaders.JSON);
    }

    @Test
    void everyTopicHasAChannelAndEveryChannelIsATopicOrItsDeadLetters() throws IllegalAccessException {
        TreeSet<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).hasSize(EventType.values().length);
        TreeSet<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsAll(topics);
        for (String address : addresses) {
            assertThat(topics.contains(address) || deadLettered(address, topics)).as(address).isTrue();
        }
    }

    @Test
    void everyConsumerHasADeadLetterChannelNamedByTheRuleAndSendsToIt() {
        Map<String, String> consumers = operations("receive");
        Map<String, String> deadLetterSenders = new TreeMap<>();
        operations("send").forEach((key, service) -> {
            if (key.startsWith("dlq.")) {
                deadLetterSenders.put(key, service);
            }
        });
        assertThat(consumers).isNotEmpty();
        TreeMap<String, String> expected = new TreeMap<>();
        consumers.forEach((topicAndService, service) -> {
            String topic = topicAndService.substring(0, topicAndService.lastIndexOf(' '));
            expected.put(Topics.deadLetter(service, topic) + " " + service, service);
        });
        assertThat(deadLetterSenders).isEqualTo(expected);
    }

    @Test
    void everyEventTypeHasOnePublisherAndAtLeastOneConsumer() {
        for (EventType type : EventType.values()) {
            assertThat(operations("send").keySet()).as(type.topic())
                    .filteredOn(k -> k.startsWith(type.topic() + " ")).hasSize(1);
            assertThat(operations("receive").keySet()).as(type.topic())
                    .filteredOn(k -> k.startsWith(type.topic() + " ")).isNotEmpty();
        }
    }

    @Test
    void theRecordedExamplesMatchTheirHeadersPayloadAndKeySchemasAndTheRecordsReadThem() {
        for (EventType type : EventType.values()) {
            String pointer = "/components/messages/" + messageName(type);
            JsonNode examples = doc.at(pointer + "/examples");
            assertThat(examples).as(type.name()).isNotEmpty();
            for (JsonNode example : examples) {
                assertThat(Contract.errors(Contract.asyncApiSchema(pointer + "/payload/schema"), example.path("payload")))
                        .as(type.name()).isEmpty();
                assertThat(Contract.errors(Contract.asyncApiSchema(pointer + "/headers"), example.path("headers")))
                        .as(type.name()).isEmpty();
                assertThat(Contract.errors(Contract.asyncApiSchema(pointer + "/bindings/kafka/key"),
                        example.path("headers").path("ce_subject"))).as(type.name()).isEmpty();
                Object record = EventJson.read(example.path("payload").toString(), type.payloadType());
                assertThat(Contract.tree(EventJson.write(record))).as("written back").isEqualTo(example.path("payload"));
            }
        }
    }

    @Test
    void anExampleWithAnotherTypeOrWithoutARequiredFieldIsRefusedThroughTheDocumentsReferences() {
        String message = "/components/messages/paperScored";
        ObjectNode headers = doc.at(message + "/examples/0/headers").deepCopy();
        headers.put("ce_type", EventType.PAPER_PARSED.ceType());
        assertThat(Contract.errors(Contract.asyncApiSchema(message + "/headers"), headers))
                .singleElement().asString().contains("ce_type");
        ObjectNode payload = doc.at(message + "/examples/0/payload").deepCopy();
        payload.remove("team");
        assertThat(Contract.errors(Contract.asyncApiSchema(message + "/payload/schema"), payload))
                .singleElement().asString().contains("team");
    }

    static String messageName(EventType type) {
        String[] words = type.topic().split("\\.");
        return words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
    }

    private JsonNode channelAt(String address) {
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("no channel with address " + address);
    }

    /** "topic service" of every operation with this action, to the service named by its tag. */
    private Map<String, String> operations(String action) {
        Map<String, String> found = new TreeMap<>();
        for (JsonNode op : doc.path("operations")) {
            if (op.path("action").asText().equals(action)) {
                JsonNode channel = doc.at(op.path("channel").path("$ref").asText().substring(1));
                String service = op.path("tags").path(0).path("name").asText();
                assertThat(service).as(op.toString()).isNotBlank();
                op.path("messages").forEach(m -> assertThat(m.path("$ref").asText())
                        .startsWith(op.path("channel").path("$ref").asText() + "/messages/"));
                found.put(channel.path("address").asText() + " " + service, service);
            }
        }
        return found;
    }

    private static boolean deadLettered(String address, TreeSet<String> topics) {
        return address.startsWith("dlq.") && topics.stream().anyMatch(t -> address.endsWith("." + t));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
