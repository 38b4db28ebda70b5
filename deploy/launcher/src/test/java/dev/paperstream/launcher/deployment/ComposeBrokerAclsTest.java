package dev.paperstream.launcher.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperstream.embedded.EmbeddedKafkaBroker;
import dev.paperstream.embedded.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * docker-compose's Kafka security, run rather than read: the broker configuration that
 * {@code deploy/docker/kafka/start-broker.sh} writes (ports and host moved to this machine) starts a real KRaft
 * broker, the topics, SCRAM users and ACLs of {@code setup-kafka.sh} are applied to it as its admin, and a
 * service's user may then do exactly what its ACLs say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeBrokerAclsTest {
    private static final Path SCRIPTS = Path.of("").toAbsolutePath().resolve("../docker/kafka").normalize();
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String PRIORITY_PASSWORD = "priority-" + UUID.randomUUID();
    private final int port = FreePorts.find();
    private EmbeddedKafkaBroker broker;

    @BeforeAll
    void startTheComposeBrokerAndApplyItsSetup() throws Exception {
        broker = EmbeddedKafkaBroker.startConfigured(port, brokerConfig(), List.of("--add-scram",
                "SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]"));
        try (Admin admin = Admin.create(client("admin", ADMIN_PASSWORD))) {
            applySetup(admin, Files.readString(SCRIPTS.resolve("setup-kafka.sh")));
        }
    }

    @AfterAll
    void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aServicePublishesItsOwnEventsAndReadsItsTopicsInItsGroup() throws Exception {
        try (KafkaProducer<String, String> producer = producer("priority-service", PRIORITY_PASSWORD)) {
            producer.send(new ProducerRecord<>("paper.scored", "2611.00001", "{}")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, String> consumer = consumer("priority-service", PRIORITY_PASSWORD, "priority-service")) {
            consumer.subscribe(List.of("paper.discovered"));
            consumer.poll(Duration.ofSeconds(5));
            assertThat(consumer.assignment()).isNotEmpty();
        }
    }

    @Test
    void aServiceCannotPublishAnotherServicesEvents() {
        try (KafkaProducer<String, String> producer = producer("priority-service", PRIORITY_PASSWORD)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("benchmark.completed", "job", "{}"))
                    .get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceCannotConsumeInAnotherServicesGroup() {
        try (KafkaConsumer<String, String> consumer = consumer("priority-service", PRIORITY_PASSWORD, "notes-service")) {
            consumer.subscribe(List.of("paper.discovered"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer = producer("priority-service", "not-" + PRIORITY_PASSWORD)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("paper.scored", "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** The server.properties the script writes, with the compose network's names and ports moved here. */
    private Properties brokerConfig() throws Exception {
        String script = Files.readString(SCRIPTS.resolve("start-broker.sh"));
        Matcher heredoc = Pattern.compile("cat > \"\\$config\" <<PROPERTIES\\n(.*?)\\nPROPERTIES", Pattern.DOTALL).matcher(script);
        assertThat(heredoc.find()).as("start-broker.sh writes server.properties").isTrue();
        assertThat(script).contains("--add-scram \"SCRAM-SHA-512=[name=admin,password=$admin_password]\"");
        int controllerPort = FreePorts.find();
        String text = heredoc.group(1).replace("$admin_password", ADMIN_PASSWORD)
                .replace("INTERNAL://:19092", "INTERNAL://127.0.0.1:" + port).replace("kafka:19092", "127.0.0.1:" + port)
                .replace("127.0.0.1:9093", "127.0.0.1:" + controllerPort);
        Properties config = new Properties();
        config.load(new java.io.StringReader(text));
        return config;
    }

    /** What setup-kafka.sh does with the Kafka CLI tools, done through the admin API: topics, users, ACLs. */
    private static void applySetup(Admin admin, String script) throws Exception {
        Map<String, String> retention = new HashMap<>();
        Matcher variables = Pattern.compile("(\\w+)=(\\d{9,})").matcher(script);
        while (variables.find()) {
            retention.put(variables.group(1), variables.group(2));
        }
        List<NewTopic> topics = new ArrayList<>();
        Matcher topic = Pattern.compile("^topic (\\S+) (\\d+) \\$(\\w+)$", Pattern.MULTILINE).matcher(script);
        while (topic.find()) {
            topics.add(new NewTopic(topic.group(1), Integer.parseInt(topic.group(2)), (short) 1)
                    .configs(Map.of("retention.ms", retention.get(topic.group(3)))));
        }
        admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        List<AclBinding> acls = new ArrayList<>();
        Matcher user = Pattern.compile("^user (\\S+)$", Pattern.MULTILINE).matcher(script);
        while (user.find()) {
            String name = user.group(1);
            String password = name.equals("priority-service") ? PRIORITY_PASSWORD : "pw-" + UUID.randomUUID();
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
            acls.add(allow(name, ResourceType.GROUP, name, AclOperation.READ));
        }
        Matcher grant = Pattern.compile("^grant (\\S+) (\\S+) (.+)$", Pattern.MULTILINE).matcher(script);
        while (grant.find()) {
            for (String operation : grant.group(3).trim().split(" ")) {
                acls.add(allow(grant.group(1), ResourceType.TOPIC, grant.group(2), AclOperation.fromString(operation)));
            }
        }
        admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    private Map<String, Object> client(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker == null ? "127.0.0.1:" + port : broker.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return config;
    }

    private KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = client(user, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String user, String password, String group) {
        Map<String, Object> config = client(user, password);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
