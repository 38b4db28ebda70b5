package dev.paperstream.support.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How this service reaches Kafka, for the clients it builds itself (the outbox producer, the health
 * check's admin client): the bootstrap servers and the security settings (TLS, SASL/SCRAM) given as
 * {@code kafka.*} configuration or {@code KAFKA_*} variables, the same ones Reactive Messaging's channels use.
 */
@ApplicationScoped
public class KafkaConnection {
    private final Map<String, Object> settings;

    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> defaultBroker) {
        Map<String, Object> picked = new HashMap<>();
        defaultBroker.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                picked.put(key, value);
            }
        });
        this.settings = Map.copyOf(picked);
    }

    /** Settings every client needs; add the client's own on top. */
    public Map<String, Object> clientSettings() {
        return settings;
    }

    public String bootstrapServers() {
        return String.valueOf(settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }
}
