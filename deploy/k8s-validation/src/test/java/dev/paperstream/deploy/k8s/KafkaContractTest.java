package dev.paperstream.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Topics, users and autoscalers against what the services really do: their consumer channels, group ids
 * and dead-letter topics come from each service's application.properties; what each one publishes from
 * its outbox is the producer column of DESIGN.md's event table.
 */
class KafkaContractTest {
    private static final Map<String, Set<String>> PUBLISHES = Map.of(
            "ingest-service", Set.of("paper.discovered", "paper.parsed"),
            "priority-service", Set.of("paper.scored"),
            "notes-service", Set.of("benchmark.requested"),
            "kernel-service", Set.of("benchmark.completed"));

    /** A service's consumer channels: topic, group and dead-letter topic of each. */
    record Channel(String topic, String group, String deadLetter) {
    }

    static List<Channel> channels(String service) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Repo.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic") && !k.contains("dead-letter"))
                .sorted()
                .map(k -> k.substring(0, k.length() - ".topic".length()))
                .map(c -> new Channel(p.getProperty(c + ".topic"), p.getProperty(c + ".group.id", p.getProperty("quarkus.application.name")),
                        p.getProperty(c + ".dead-letter-queue.topic")))
                .toList();
    }

    private static Set<String> topicsOf(String overlay) {
        Set<String> names = new TreeSet<>();
        Repo.ofKind(Repo.overlay(overlay), "KafkaTopic").forEach(t -> names.add(Yaml.at(t, "spec.topicName")));
        return names;
    }

    @Test
    void everyTopicAndDeadLetterTopicTheServicesUseIsDeclaredWithARetention() {
        Set<String> used = new TreeSet<>();
        PUBLISHES.values().forEach(used::addAll);
        for (String service : Repo.SERVICES) {
            for (Channel c : channels(service)) {
                assertThat(c.deadLetter()).as(service + " " + c.topic()).isNotNull();
                used.add(c.topic());
                used.add(c.deadLetter());
            }
        }
        assertThat(used).hasSize(13);
        for (String overlay : Repo.OVERLAYS) {
            assertThat(topicsOf(overlay)).as(overlay).isEqualTo(used);
            assertThat(Repo.ofKind(Repo.overlay(overlay), "KafkaTopic"))
                    .allSatisfy(t -> assertThat(((Map<String, Object>) Yaml.at(t, "spec.config"))).containsKey("retention.ms"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "priority-service", "notes-service", "kernel-service"})
    void eachUserMayReadItsChannelsAndDeadLettersAndWriteItsEventsDeadLettersAndReplays(String service) {
        Map<String, Object> user = Repo.named(Repo.overlay("prod"), "KafkaUser", service);
        Map<String, Set<String>> topicOperations = new java.util.TreeMap<>();
        Set<String> groups = new HashSet<>();
        for (Map<String, Object> acl : (List<Map<String, Object>>) Yaml.at(user, "spec.authorization.acls")) {
            String type = Yaml.at(acl, "resource.type");
            String name = Yaml.at(acl, "resource.name");
            assertThat((String) Yaml.at(acl, "resource.patternType")).isEqualTo("literal");
            List<String> ops = (List<String>) acl.get("operations");
            if (type.equals("group")) {
                assertThat(ops).containsExactly("Read");
                groups.add(name);
            } else {
                topicOperations.put(name, new java.util.TreeSet<>(ops));
            }
        }
        List<Channel> channels = channels(service);
        assertThat(groups).isEqualTo(channels.stream().map(Channel::group).collect(java.util.stream.Collectors.toSet()));
        // consumed topics: read, and written by a dead-letter replay; dead-letter topics: written, and read by
        // the admin listing; events: written
        Map<String, Set<String>> expected = new java.util.TreeMap<>();
        channels.forEach(c -> expected.put(c.topic(), Set.of("Read", "Describe", "Write")));
        channels.forEach(c -> expected.put(c.deadLetter(), Set.of("Write", "Describe", "Read")));
        PUBLISHES.get(service).forEach(t -> expected.putIfAbsent(t, Set.of("Write", "Describe")));
        assertThat(topicOperations).isEqualTo(expected);
        assertThat((String) Yaml.at(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachConsumerScalesOnItsOwnGroupsLagAndNeverBeyondItsPartitions(String overlay) {
        List<Map<String, Object>> docs = Repo.overlay(overlay);
        Map<String, Integer> partitions = new java.util.HashMap<>();
        Repo.ofKind(docs, "KafkaTopic").forEach(t -> partitions.put(Yaml.at(t, "spec.topicName"), Yaml.at(t, "spec.partitions")));
        for (String service : Repo.SERVICES) {
            Map<String, Object> scaled = Repo.named(docs, "ScaledObject", service);
            assertThat((String) Yaml.at(scaled, "spec.scaleTargetRef.name")).isEqualTo(service);
            List<Map<String, Object>> triggers = Yaml.at(scaled, "spec.triggers");
            Set<String> topics = new HashSet<>();
            for (Map<String, Object> t : triggers) {
                assertThat(t.get("type")).isEqualTo("kafka");
                assertThat((String) Yaml.at(t, "authenticationRef.name")).isEqualTo(service + "-kafka");
                Repo.named(docs, "TriggerAuthentication", service + "-kafka");
                topics.add(Yaml.at(t, "metadata.topic"));
                assertThat((String) Yaml.at(t, "metadata.consumerGroup")).isEqualTo(channels(service).get(0).group());
            }
            assertThat(topics).isEqualTo(channels(service).stream().map(Channel::topic).collect(java.util.stream.Collectors.toSet()));
            int max = (Integer) Yaml.at(scaled, "spec.maxReplicaCount");
            assertThat(max).as(service).isPositive()
                    .isLessThanOrEqualTo(topics.stream().mapToInt(partitions::get).max().orElseThrow());
        }
    }

    @Test
    void theBrokersAuthenticateAndAuthorizeEveryClient() {
        Map<String, Object> kafka = Repo.named(Repo.overlay("prod"), "Kafka", "paperstream");
        assertThat((Map<String, Object>) Yaml.at(kafka, "metadata.annotations"))
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        assertThat((List<Map<String, Object>>) Yaml.at(kafka, "spec.kafka.listeners"))
                .allSatisfy(l -> assertThat((String) Yaml.at(l, "authentication.type")).isEqualTo("scram-sha-512"));
        assertThat((String) Yaml.at(kafka, "spec.kafka.authorization.type")).isEqualTo("simple");
        assertThat((Integer) Yaml.at(Repo.named(Repo.overlay("prod"), "KafkaNodePool", "dual-role"), "spec.replicas")).isEqualTo(3);
        assertThat((Integer) Yaml.at(Repo.named(Repo.overlay("dev"), "KafkaNodePool", "dual-role"), "spec.replicas")).isEqualTo(1);
    }
}
