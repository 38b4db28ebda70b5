package dev.paperstream.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), running in
 * this JVM from the Kafka server artifacts. A fresh data directory gets a new cluster id; a directory
 * that was formatted before is reused, so the local launcher keeps its topics across runs.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final Properties overrides;
    private final List<String> formatArguments;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(int port, int controllerPort, Path dataDir, boolean deleteOnClose,
            Properties overrides, List<String> formatArguments) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.overrides = overrides;
        this.formatArguments = List.copyOf(formatArguments);
    }

    /** A broker on free ports with a temporary data directory that is deleted on close. */
    public static EmbeddedKafkaBroker startEphemeral() {
        try {
            Path dir = Files.createTempDirectory("paperstream-kafka-");
            return start(FreePorts.find(), FreePorts.find(), dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EmbeddedKafkaBroker start(int port, int controllerPort, Path dataDir, boolean deleteOnClose) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(port, controllerPort, dataDir, deleteOnClose,
                new Properties(), List.of());
        broker.startServer();
        return broker;
    }

    /**
     * A broker configured by {@code config} as it is (listeners, security, authorizer: a deployment's own
     * server.properties), formatted with {@code formatArguments} added to {@code kafka-storage format} (for
     * example {@code --add-scram}), with a temporary data directory that is deleted on close.
     */
    public static EmbeddedKafkaBroker startConfigured(int port, Properties config, List<String> formatArguments) {
        try {
            Path dir = Files.createTempDirectory("paperstream-kafka-");
            Properties overrides = new Properties();
            overrides.putAll(config);
            overrides.put("log.dirs", dir.toAbsolutePath().toString());
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(port, -1, dir, true, overrides, formatArguments);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void startServer() {
        try {
            Files.createDirectories(dataDir);
            Properties props = overrides.isEmpty() ? brokerProperties() : overrides;
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(props);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1000000");
        return p;
    }

    private void format(Properties props) throws IOException {
        Path config = Files.createTempFile("paperstream-kraft-", ".properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "paperstream embedded broker");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()));
        arguments.addAll(formatArguments);
        int rc = StorageTool.execute(arguments.toArray(String[]::new), new PrintStream(log, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (rc != 0) {
            throw new IllegalStateException("formatting the KRaft log directory failed: " + log);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
