package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose's Kafka asks the same of every client as the Kubernetes one: SCRAM authentication, one user
 * per service, and exactly the ACLs and topics of the Strimzi resources (users.yaml, topics.yaml), so the two
 * deployments cannot drift apart.
 */
class ComposeKafkaSecurityTest {
    private static final Path KAFKA_SCRIPTS = Repo.ROOT.resolve("deploy/docker/kafka");
    private static final Pattern GRANT = Pattern.compile("^grant (\\S+) (\\S+) (.+)$", Pattern.MULTILINE);
    private static final Pattern USER = Pattern.compile("^user (\\S+)$", Pattern.MULTILINE);
    private static final Pattern TOPIC = Pattern.compile("^topic (\\S+) (\\d+) \\$(\\w+)$", Pattern.MULTILINE);

    /** The compose file with its anchors and merge keys resolved, as docker-compose reads it. */
    private static Map<String, Object> compose() {
        try {
            return new org.yaml.snakeyaml.Yaml().load(Files.readString(Repo.ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String script(String name) throws IOException {
        return Files.readString(KAFKA_SCRIPTS.resolve(name));
    }

    @Test
    void theBrokersClientListenerRequiresScramAndUnknownPrincipalsAreDenied() throws IOException {
        String broker = script("start-broker.sh");
        assertThat(broker).contains("listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .contains("sasl.enabled.mechanisms=SCRAM-SHA-512")
                .contains("allow.everyone.if.no.acl.found=false")
                .contains("authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                // the unauthenticated controller listener is a super user, so it must not face the network
                .contains("CONTROLLER://127.0.0.1:9093");
        Map<String, Object> kafka = Yaml.at(compose(), "services.kafka");
        assertThat(kafka).doesNotContainKey("ports");
        assertThat(kafka.toString()).doesNotContain("PLAINTEXT://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "priority-service", "notes-service", "kernel-service"})
    void eachServiceSignsInAsItsOwnUserWithAGeneratedPassword(String service) {
        Map<String, Object> environment = Yaml.at(compose(), "services." + service + ".environment");
        assertThat(environment).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_USERNAME", service)
                .containsEntry("KAFKA_SASL_PASSWORD_FILE", "/run/paperstream/kafka-" + service + "-password");
        Object generator = Yaml.at(compose(), "services.generate-secrets.command");
        assertThat(String.valueOf(generator)).contains("kafka-" + service + "-password");
    }

    @Test
    void theSetupGrantsExactlyTheAclsOfTheStrimziUsers() throws IOException {
        String setup = script("setup-kafka.sh");
        Map<String, Set<String>> composeAcls = new TreeMap<>();
        Matcher users = USER.matcher(setup);
        while (users.find()) {
            composeAcls.computeIfAbsent(users.group(1), u -> new TreeSet<>()).add("group " + users.group(1) + " Read");
        }
        Matcher grants = GRANT.matcher(setup);
        while (grants.find()) {
            for (String operation : grants.group(3).trim().split(" ")) {
                composeAcls.computeIfAbsent(grants.group(1), u -> new TreeSet<>())
                        .add("topic " + grants.group(2) + " " + operation);
            }
        }
        Map<String, Set<String>> strimziAcls = new TreeMap<>();
        for (Map<String, Object> user : Repo.ofKind(Yaml.documents(Repo.K8S.resolve("base/kafka/users.yaml")), "KafkaUser")) {
            Set<String> acls = new TreeSet<>();
            List<Map<String, Object>> rules = Yaml.at(user, "spec.authorization.acls");
            for (Map<String, Object> rule : rules) {
                List<String> operations = Yaml.at(rule, "operations");
                for (String operation : operations) {
                    acls.add(Yaml.at(rule, "resource.type") + " " + Yaml.at(rule, "resource.name") + " " + operation);
                }
            }
            strimziAcls.put(Yaml.at(user, "metadata.name"), acls);
        }
        assertThat(composeAcls).isEqualTo(strimziAcls);
    }

    @Test
    void theSetupCreatesEveryStrimziTopicWithItsPartitionsAndRetention() throws IOException {
        String setup = script("setup-kafka.sh");
        Map<String, String> retentions = Map.of("year", "31536000000", "ninety_days", "7776000000",
                "thirty_days", "2592000000");
        for (String variable : retentions.keySet()) {
            assertThat(setup).contains(variable + "=" + retentions.get(variable));
        }
        Map<String, String> composeTopics = new TreeMap<>();
        Matcher topics = TOPIC.matcher(setup);
        while (topics.find()) {
            composeTopics.put(topics.group(1), topics.group(2) + " " + retentions.get(topics.group(3)));
        }
        Matcher deadLetters = Pattern.compile("for dlq in ([^;]+); do").matcher(setup.replace("\\\n", " "));
        assertThat(deadLetters.find()).isTrue();
        for (String dlq : deadLetters.group(1).trim().split("\\s+")) {
            composeTopics.put(dlq, "3 " + retentions.get("thirty_days"));
        }
        Map<String, String> strimziTopics = new TreeMap<>();
        for (Map<String, Object> topic : Repo.ofKind(Yaml.documents(Repo.K8S.resolve("base/kafka/topics.yaml")), "KafkaTopic")) {
            Map<String, Object> config = Yaml.at(topic, "spec.config");
            strimziTopics.put(Yaml.at(topic, "spec.topicName"), Yaml.at(topic, "spec.partitions") + " " + config.get("retention.ms"));
        }
        assertThat(composeTopics).isEqualTo(strimziTopics);
    }
}
