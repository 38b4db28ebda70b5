package dev.paperstream.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperstream.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The consumers and dead-letter topics the AsyncAPI document names are those the services configure
 * ({@code mp.messaging.incoming.*} in each service's application.properties, read from the reactor beside
 * this module). Producers write through the outbox, not through configured channels, so sends are checked
 * by {@link AsyncApiDocumentTest} only.
 */
class AsyncApiMatchesServiceConfigTest {
    private static final String[] SERVICES = {"ingest", "priority", "notes", "kernel"};
    private final JsonNode doc = Contract.asyncApi();

    @Test
    void everyConfiguredConsumerAndItsDeadLetterTopicIsInTheDocumentAndNoOther() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("../notes-service")), "the services' sources are beside events");
        TreeSet<String> configured = new TreeSet<>();
        for (String service : SERVICES) {
            Properties config = new Properties();
            try (Reader in = Files.newBufferedReader(
                    Path.of("../" + service + "-service/src/main/resources/application.properties"))) {
                config.load(in);
            }
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.contains(".dead-letter")) {
                    String topic = config.getProperty(key);
                    String channel = key.substring(0, key.length() - ".topic".length());
                    assertThat(config.getProperty(channel + ".dead-letter-queue.topic"))
                            .as(service + " " + channel).isEqualTo(Topics.deadLetter(service, topic));
                    configured.add(topic + " " + service);
                }
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        for (JsonNode op : doc.path("operations")) {
            if (op.path("action").asText().equals("receive")) {
                JsonNode channel = doc.at(op.path("channel").path("$ref").asText().substring(1));
                documented.add(channel.path("address").asText() + " " + op.path("tags").path(0).path("name").asText());
            }
        }
        assertThat(documented).isEqualTo(configured);
    }
}
