package dev.paperstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortPlanTest {
    private static final Path ROOT = Path.of("/repo");

    private static SystemSettings settings(Map<String, String> env) {
        return SystemSettings.fromEnvironment(env, ROOT);
    }

    @Test
    void aDefaultPortThatIsTakenIsSwappedForAFreeOneAndTheLauncherSaysWhichSettingChoosesIt() {
        AtomicInteger free = new AtomicInteger(40000);

        PortPlan plan = PortPlan.check(settings(Map.of()), Map.of(), Set.of(5432, 8083)::contains, free::incrementAndGet);

        assertThat(plan.settings().postgresPort()).isEqualTo(40002);
        assertThat(plan.settings().ports().get(Service.NOTES)).isEqualTo(40001);
        assertThat(plan.settings().kafkaPort()).isEqualTo(9092);
        assertThat(plan.notes()).containsExactly(
                "port 8083 is taken by another program: notes-service uses 40001 this time (set PAPERSTREAM_NOTES_PORT"
                        + " to choose one)",
                "port 5432 is taken by another program: the embedded PostgreSQL uses 40002 this time (set"
                        + " PAPERSTREAM_POSTGRES_PORT to choose one)");
    }

    @Test
    void aChosenPortThatIsTakenOrUsedTwiceIsRefusedWithTheVariableToChange() {
        Map<String, String> taken = Map.of("PAPERSTREAM_KAFKA_PORT", "19092");
        assertThatThrownBy(() -> PortPlan.check(settings(taken), taken, p -> p == 19092, () -> 40000))
                .isInstanceOf(LaunchException.class)
                .hasMessage("Port 19092 for the embedded Kafka broker is taken by another program. Set"
                        + " PAPERSTREAM_KAFKA_PORT to a free port (it is 19092 now).");

        Map<String, String> twice = Map.of("PAPERSTREAM_POSTGRES_PORT", "8081");
        assertThatThrownBy(() -> PortPlan.check(settings(twice), twice, p -> false, () -> 40000))
                .hasMessageContaining("Port 8081 for the embedded PostgreSQL is also set for another part of Paperstream");
    }

    @Test
    void anAdminTokenTheServicesWouldRefuseIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> settings(Map.of("PAPERSTREAM_ADMIN_TOKEN", "short-token")))
                .hasMessageStartingWith("PAPERSTREAM_ADMIN_TOKEN has 11 characters; the services accept tokens of 24");
    }

    @Test
    void portsOfAnExistingKafkaAndPostgresqlAreNotTheLaunchersToCheck() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/paperstream");

        PortPlan plan = PortPlan.check(settings(env), env, Set.of(9092, 9093, 5432)::contains, () -> 40000);

        assertThat(plan.notes()).isEmpty();
    }
}
