package dev.paperstream.launcher.faults;

import dev.paperstream.embedded.Directories;
import dev.paperstream.embedded.EmbeddedKafkaBroker;
import dev.paperstream.embedded.FreePorts;
import dev.paperstream.embedded.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker and the database as the launcher runs them (a KRaft broker in this JVM, a persistent embedded
 * PostgreSQL with fsync on), but owned by the test, so that either can be stopped and started again on the
 * same ports and data while the services keep running.
 */
final class Infrastructure implements AutoCloseable {
    private static final String DATABASE = "paperstream";
    private final Path home;
    private final int kafkaPort = FreePorts.find();
    private final int controllerPort = FreePorts.find();
    private final int postgresPort = FreePorts.find();
    private EmbeddedKafkaBroker broker;
    private PostgresServer postgres;
    private String jdbcUrl;

    Infrastructure() throws IOException {
        home = Files.createTempDirectory("paperstream-faults-");
        startBroker();
        startPostgres();
    }

    void startBroker() {
        broker = EmbeddedKafkaBroker.start(kafkaPort, controllerPort, home.resolve("kafka"), false);
    }

    void stopBroker() {
        broker.close();
        broker = null;
    }

    void startPostgres() {
        postgres = PostgresServer.startPersistent(home.resolve("postgres"), postgresPort, DATABASE);
        jdbcUrl = postgres.jdbcUrl();
    }

    void stopPostgres() {
        postgres.close();
        postgres = null;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Path home() {
        return home;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Directories.deleteRecursively(home);
    }
}
