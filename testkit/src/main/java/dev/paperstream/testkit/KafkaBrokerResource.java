package dev.paperstream.testkit;

import dev.paperstream.embedded.EmbeddedKafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real KRaft broker for a {@code @QuarkusTest} and points the service's Kafka clients at it.
 * Use with {@code @QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedKafkaBroker.startEphemeral();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
