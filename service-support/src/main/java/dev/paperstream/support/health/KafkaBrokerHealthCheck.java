package dev.paperstream.support.health;

import dev.paperstream.support.kafka.KafkaConnection;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers a describe-cluster request. */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealthCheck implements HealthCheck {
    private final KafkaConnection kafka;
    private final String bootstrapServers;
    private volatile Admin admin;

    public KafkaBrokerHealthCheck(KafkaConnection kafka) {
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            int nodes = cluster.nodes().get(4, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka-broker").up()
                    .withData("bootstrapServers", bootstrapServers)
                    .withData("nodes", nodes)
                    .withData("clusterId", cluster.clusterId().get(4, TimeUnit.SECONDS))
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka-broker").down()
                    .withData("bootstrapServers", bootstrapServers)
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> settings = new HashMap<>(kafka.clientSettings());
                    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "paperstream-health");
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
                    admin = Admin.create(settings);
                }
            }
        }
        return admin;
    }

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
